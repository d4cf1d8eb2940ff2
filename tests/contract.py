"""Hold responses to openapi.yaml.

Find the operation, the status (or `default`) and the media type, then validate the body
against the schema the spec gives there (for NDJSON, each line against it). OpenAPI 3.1 schemas are JSON Schema 2020-12, so
jsonschema validates them as written; every schema is reached by a `$ref` into the spec itself,
so the spec's own `#/components/...` references resolve as they do for any client.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"
SPEC_URI = "urn:wenji:openapi"
_PARAMETER = re.compile(r"\\\{[^}]+\\\}")
LINE_TYPES = frozenset({"application/x-ndjson"})


class ContractViolation(AssertionError):
    pass


@cache
def spec() -> dict[str, Any]:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


@cache
def _registry() -> Registry:
    return Registry().with_resource(SPEC_URI, DRAFT202012.create_resource(spec()))


@cache
def _templates() -> tuple[tuple[re.Pattern[str], str], ...]:
    # Path parameters of this service (asset names) may contain slashes.
    return tuple((re.compile("^" + _PARAMETER.sub(".+", re.escape(t)) + "$"), t) for t in spec()["paths"])


def match_path(path: str) -> str | None:
    return next((template for pattern, template in _templates() if pattern.match(path)), None)


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def _follow(pointer: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, Any]]:
    """The node at `pointer`, following `$ref`s; returns where it really is and the node."""
    node: Any = spec()
    for part in pointer:
        node = node[part]
    while isinstance(node, dict) and "$ref" in node:
        pointer = tuple(p.replace("~1", "/").replace("~0", "~") for p in node["$ref"][2:].split("/"))
        node = spec()
        for part in pointer:
            node = node[part]
    return pointer, node


def check_response(method: str, path: str, status: int, content_type: str, body: bytes) -> None:
    """Raise ContractViolation unless the spec describes this response."""
    template = match_path(path)
    operation = spec()["paths"][template].get(method.lower()) if template else None
    if operation is None:
        # An unknown path or method is answered as any error is: a problem.
        expected = 404 if template is None else 405
        if status != expected:
            raise ContractViolation(f"{method} {path}: {status}, but the spec has no such operation")
        responses_at: tuple[str, ...] = ("components", "responses")
        key = "Problem"
    else:
        responses_at = ("paths", template, method.lower(), "responses")  # type: ignore[assignment]
        responses = operation["responses"]
        key = str(status) if str(status) in responses else "default"
        if key not in responses:
            raise ContractViolation(f"{method} {path}: status {status} is not in the spec")
    response_at, response = _follow((*responses_at, key))
    media = content_type.split(";")[0].strip()
    content = response.get("content", {})
    declared = media if media in content else "*/*" if "*/*" in content else None
    if declared is None:
        raise ContractViolation(f"{method} {path} {status}: {media!r} is not among {sorted(content)}")
    if not media.endswith("json"):
        return
    pointer = "/".join(_escape(part) for part in (*response_at, "content", declared, "schema"))
    validator = Draft202012Validator({"$ref": f"{SPEC_URI}#/{pointer}"}, registry=_registry())
    # A stream of JSON lines (NDJSON): the spec's schema is that of each line.
    documents = [json.loads(line) for line in body.splitlines() if line] if media in LINE_TYPES else [json.loads(body)]
    for number, document in enumerate(documents, start=1):
        errors = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
        if errors:
            where = "/".join(map(str, errors[0].path)) or "(root)"
            line = f" (line {number})" if media in LINE_TYPES else ""
            raise ContractViolation(f"{method} {path} {status}{line}: {errors[0].message} at {where}")


def check_schema(name: str, instance: Any) -> None:
    """Raise ContractViolation unless `instance` is a valid `#/components/schemas/<name>`.

    For answers the spec allows in more than one shape (a Document, or only the fields asked
    for), a test can still hold the usual one to the strict schema.
    """
    validator = Draft202012Validator({"$ref": f"{SPEC_URI}#/components/schemas/{name}"}, registry=_registry())
    error = next(iter(sorted(validator.iter_errors(instance), key=lambda error: list(error.path))), None)
    if error is not None:
        where = "/".join(map(str, error.path)) or "(root)"
        raise ContractViolation(f"not a {name}: {error.message} at {where}")
