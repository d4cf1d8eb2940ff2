"""POST /v1/documents: one article in, its text, metadata and keywords out."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request
from marshmallow import ValidationError

from service.api.schemas import ProcessingOptions, dump_document
from service.api.uploads import read_upload
from service.errors import InvalidOptions
from service.pipeline import process

blueprint = Blueprint("documents", __name__)
_OPTIONS = ProcessingOptions()


@blueprint.post("/v1/documents")
def create_document() -> Response:
    options = _load_options()
    upload = read_upload(request, limit=current_app.config["SETTINGS"].max_body_bytes)
    article = process(upload, options)
    return jsonify(dump_document(article))


def _load_options():  # -> Options
    try:
        data = _OPTIONS.load(request.args.to_dict())
    except ValidationError as error:
        raise InvalidOptions("Some query parameters are invalid.", errors=error.messages_dict) from error
    return _OPTIONS.to_options(data)
