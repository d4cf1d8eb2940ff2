"""Shared fixtures: the app (every response held to openapi.yaml), the seeds and their labels."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from contract import check_response
from service.app import create_app
from service.config import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
LABELS = Path(__file__).resolve().parent / "data" / "seeds.json"


def seed_names() -> list[str]:
    return sorted(path.name for path in SEEDS.iterdir() if path.is_file())


def read_seed(name: str) -> bytes:
    return (SEEDS / name).read_bytes()


@cache
def seed_labels() -> dict[str, dict[str, Any]]:
    return json.loads(LABELS.read_text(encoding="utf-8"))["articles"]


@pytest.fixture(params=seed_names())
def seed(request: pytest.FixtureRequest) -> tuple[str, bytes, dict[str, Any]]:
    """Each sample article in turn: (file name, bytes, its hand label)."""
    name = request.param
    return name, read_seed(name), seed_labels()[name]


class ContractClient(FlaskClient):
    """A test client that fails the test when a response is not one the spec describes."""

    def open(self, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        response = super().open(*args, **kwargs)
        request = response.request
        check_response(request.method, request.path, response.status_code, response.content_type or "", response.data)
        return response


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(testing=True)


@pytest.fixture(scope="session")
def app(settings: Settings) -> Flask:
    """pytest-flask's `client` fixture builds on this one."""
    app = create_app(settings)
    app.test_client_class = ContractClient
    return app


@pytest.fixture
def failing_client() -> FlaskClient:
    """A client of the app with one more route, /boom, that fails as a bug would."""
    app = create_app(Settings(testing=True))

    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("secret internals")

    return app.test_client()
