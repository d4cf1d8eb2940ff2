"""POST /v1/documents/batch: many articles in one multipart upload, one result per file.

Each file is processed on its own, in upload order. A file that fails gets a problem in its
result and the others go on; only a batch we cannot read at all (too big, too many files, not
multipart) fails as a whole. JSON answers once with every result; `Accept: application/x-ndjson`
streams one line per file as soon as it is done, so a client can start on the first article
while the last is still being processed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request, stream_with_context
from werkzeug.datastructures import FileStorage

from service import metrics
from service.api.documents import load_options
from service.api.negotiation import JSON, NDJSON, Answer, negotiate
from service.api.processing import run_pipeline
from service.api.uploads import read_batch, upload_from_part
from service.errors import Problem, problem_body
from service.pipeline.article import Options, Upload

blueprint = Blueprint("batch", __name__)


@blueprint.post("/v1/documents/batch")
def create_documents() -> Response:
    answer = negotiate(request, offers=(JSON, NDJSON))
    options = load_options()
    settings = current_app.config["SETTINGS"]
    parts = read_batch(request, max_files=settings.batch_max_files, max_bytes=settings.batch_max_bytes)
    # Read every part now: Flask closes the request's spooled files when the view returns,
    # before a streamed answer is sent. The batch limit bounds what this holds in memory.
    uploads = [(part.filename or None, _upload(part, limit=settings.max_body_bytes)) for part in parts]
    results = (_result(filename, upload, options, answer) for filename, upload in uploads)
    if answer.media == NDJSON:
        # stream_with_context gives the generator the request's id and path for problems.
        return Response(stream_with_context(_lines(results)), mimetype=NDJSON)
    done = list(results)
    return jsonify(results=done, failed=sum(1 for result in done if "problem" in result))


def _upload(part: FileStorage, *, limit: int) -> Upload | Problem:
    try:
        return upload_from_part(part, limit=limit)
    except Problem as problem:  # this file is too big; the others are not
        return problem


def _result(filename: str | None, upload: Upload | Problem, options: Options, answer: Answer) -> dict[str, Any]:
    result: dict[str, Any] = {"filename": filename}
    try:
        if isinstance(upload, Problem):
            raise upload
        article = run_pipeline(upload, options)
    except Problem as problem:
        return {**result, "status": problem.status, "problem": problem_body(problem)}
    except Exception as error:
        # A bug met on one file must not cost the client the others: log it, answer 500 for it.
        current_app.logger.exception("unhandled error on one file of a batch", exc_info=error)
        problem = Problem("The service failed on this file; quote the request id when you report it.")
        metrics.observe_failure(problem)
        return {**result, "status": problem.status, "problem": problem_body(problem)}
    return {**result, "status": 200, "document": answer.dump(article)}


def _lines(results: Iterable[dict[str, Any]]) -> Iterator[str]:
    for result in results:
        yield current_app.json.dumps(result, separators=(",", ":")) + "\n"  # compact, as jsonify is
