"""Liveness and readiness, for load balancers and orchestrators."""

from __future__ import annotations

from flask import Blueprint

from service import resources
from service.errors import ServiceUnavailable

blueprint = Blueprint("health", __name__)


@blueprint.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@blueprint.get("/readyz")
def readyz() -> dict[str, str]:
    if not resources.is_loaded():
        raise ServiceUnavailable("Dictionaries are still loading.")
    return {"status": "ready"}
