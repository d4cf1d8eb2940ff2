"""HTTP interface: thin views over the pipeline, every route described in openapi.yaml."""

from __future__ import annotations

from flask import Flask

from service.api import batch, documents, health, inspect, spec, version


def register_blueprints(app: Flask) -> None:
    app.register_blueprint(documents.blueprint)
    app.register_blueprint(batch.blueprint)
    app.register_blueprint(version.blueprint)
    app.register_blueprint(health.blueprint)
    app.register_blueprint(spec.blueprint)
    app.register_blueprint(inspect.blueprint)
