"""The spec is valid, and it and the app describe the same routes."""

from __future__ import annotations

import io
import re

import pytest
from flask import Flask
from openapi_spec_validator import validate

from conftest import read_seed, seed_names
from contract import ContractViolation, check_response, spec


def test_the_spec_is_valid_openapi_3_1() -> None:
    validate(spec())
    assert spec()["openapi"].startswith("3.1")


def _app_routes(app: Flask) -> set[tuple[str, str]]:
    routes = set()
    for rule in app.url_map.iter_rules():
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            routes.add((path, method.lower()))
    return routes


def _spec_routes() -> set[tuple[str, str]]:
    return {(path, method) for path, item in spec()["paths"].items() for method in item if method != "parameters"}


def test_the_app_serves_exactly_the_spec_paths(app: Flask) -> None:
    assert _app_routes(app) == _spec_routes()


def test_the_checker_rejects_a_response_the_spec_does_not_describe() -> None:
    # The contract client is only worth something if it can fail.
    with pytest.raises(ContractViolation):
        check_response("POST", "/v1/documents", 200, "application/json", b'{"text": 1}')
    with pytest.raises(ContractViolation):
        check_response("GET", "/healthz", 200, "text/plain", b"ok")
    with pytest.raises(ContractViolation):
        check_response("GET", "/nowhere", 200, "application/json", b"{}")


def test_the_served_spec_is_the_file(client) -> None:
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    assert response.data.decode("utf-8").startswith("openapi: 3.1")


def _keys_seen(value: object, schema_name: str, seen: dict[str, set[str]], schemas: dict) -> None:
    """Record which properties of each spec schema the value fills, following the spec's refs."""
    schema = schemas[schema_name]
    if not isinstance(value, dict):
        return
    seen.setdefault(schema_name, set()).update(value)
    for key, item in value.items():
        prop = schema.get("properties", {}).get(key, {})
        refs = [prop.get("$ref"), prop.get("items", {}).get("$ref")]
        refs += [option.get("$ref") for option in prop.get("oneOf", [])]
        for ref in filter(None, refs):
            name = ref.rsplit("/", 1)[-1]
            for element in item if isinstance(item, list) else [item]:
                _keys_seen(element, name, seen, schemas)


def test_every_property_the_spec_promises_is_filled_on_the_seeds(client) -> None:
    # additionalProperties: false catches fields the code adds and the spec lacks; this catches
    # the other way round: a property written into the spec that the code never fills.
    schemas = spec()["components"]["schemas"]
    seen: dict[str, set[str]] = {}
    for name in seed_names():
        document = client.post("/v1/documents", data={"file": (io.BytesIO(read_seed(name)), name)}).get_json()
        _keys_seen(document, "Document", seen, schemas)
    for schema_name, keys in seen.items():
        promised = set(schemas[schema_name].get("properties", {}))
        assert promised <= keys, f"{schema_name}: never filled: {sorted(promised - keys)}"
