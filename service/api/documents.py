"""POST /v1/documents: one article in, its text, metadata and keywords out."""

from __future__ import annotations

from functools import cache

from flask import Blueprint, Response, current_app, request
from marshmallow import ValidationError

from service.api.negotiation import JSON, TEXT, negotiate
from service.api.processing import run_pipeline
from service.api.schemas import ProcessingOptions
from service.api.uploads import read_upload
from service.errors import InvalidOptions
from service.pipeline.article import Options

blueprint = Blueprint("documents", __name__)
_OPTIONS = ProcessingOptions()


@cache
def _default_options() -> Options:
    return _OPTIONS.to_options(_OPTIONS.load({}))


@blueprint.post("/v1/documents")
def create_document() -> Response:
    answer = negotiate(request, offers=(JSON, TEXT))
    options = load_options()
    upload = read_upload(request, limit=current_app.config["SETTINGS"].max_body_bytes)
    return answer.render(run_pipeline(upload, options))


def load_options() -> Options:
    """The query's processing options; the batch endpoint takes the same ones."""
    if not request.args:  # the common request: no query, so the defaults, loaded once
        return _default_options()
    try:
        data = _OPTIONS.load(request.args.to_dict())
    except ValidationError as error:
        raise InvalidOptions("Some query parameters are invalid.", errors=error.messages_dict) from error
    return _OPTIONS.to_options(data)
