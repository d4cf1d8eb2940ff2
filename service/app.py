"""The application factory: the whole wiring on one screen."""

from __future__ import annotations

from flask import Flask

from service import access_log, metrics, overload, pipeline, request_ids, resources, security
from service.api import register_blueprints
from service.config import Settings
from service.errors import register_error_handlers


def create_app(settings: Settings | None = None) -> Flask:
    settings = settings or Settings.from_env()
    app = Flask(__name__)
    app.config.update(
        SETTINGS=settings,
        TESTING=settings.testing,
        MAX_CONTENT_LENGTH=settings.max_body_bytes,
    )
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # Chinese stays readable in JSON
    app.json.sort_keys = False  # type: ignore[attr-defined]  # fields in the order openapi.yaml lists them
    app.logger.setLevel(settings.log_level)
    request_ids.init_app(app)
    access_log.init_app(app)
    metrics.init_app(app)
    overload.init_app(app)  # early: a shed request costs next to nothing
    security.init_app(app)  # API keys and response headers, errors included
    resources.init_app(app)
    pipeline.init_app(app)
    register_error_handlers(app)
    register_blueprints(app)
    return app
