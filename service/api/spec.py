"""The contract, served as written, and Swagger UI over it from assets shipped in a wheel."""

from __future__ import annotations

from pathlib import Path

import flask_swagger_ui
from flask import Blueprint, Response, render_template_string, send_from_directory, url_for

SPEC = Path(__file__).resolve().parent.parent.parent / "openapi.yaml"
SWAGGER_ASSETS = Path(flask_swagger_ui.__file__).parent / "dist"

blueprint = Blueprint("spec", __name__)

# No inline script: the page passes a Content-Security-Policy without 'unsafe-inline'.
_DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>wenji API</title>
<link rel="stylesheet" href="{{ url_for('spec.swagger_asset', name='swagger-ui.css') }}"></head>
<body><div id="swagger-ui" data-spec-url="{{ url_for('spec.openapi') }}"></div>
<script src="{{ url_for('spec.swagger_asset', name='swagger-ui-bundle.js') }}"></script>
<script src="{{ url_for('static', filename='swagger-init.js') }}"></script>
</body></html>"""


@blueprint.get("/openapi.yaml")
def openapi() -> Response:
    return Response(SPEC.read_bytes(), mimetype="application/yaml")


@blueprint.get("/docs")
def docs() -> str:
    return render_template_string(_DOCS_PAGE, url_for=url_for)


@blueprint.get("/docs/assets/<path:name>")
def swagger_asset(name: str) -> Response:
    return send_from_directory(SWAGGER_ASSETS, name, max_age=86400)
