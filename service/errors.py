"""Every failure a client can see, as RFC 9457 problem details (`application/problem+json`).

    Problem (500 Internal Server Error: the catch-all; never leaks a traceback)
    ├── BadRequest (400)
    │   ├── MalformedBody: multipart with no boundary or a truncated body, JSON that does not parse
    │   └── MissingFile: a multipart upload with no `file` part
    ├── Unauthorized (401)
    ├── NotFound (404)
    ├── MethodNotAllowed (405)
    ├── NotAcceptable (406)
    ├── PayloadTooLarge (413): over the body limit, said before the body is read
    ├── UnsupportedMediaType (415): a content type or content encoding we do not read
    ├── UnprocessableContent (422)
    │   ├── InvalidOptions: query or JSON fields out of range or of the wrong type (`errors` lists them)
    │   ├── EmptyDocument: no text at all once decoded and cleaned
    │   ├── BinaryContent: an image, an archive, random bytes
    │   ├── UndecodableContent: no encoding gives clean text, or two give different clean texts
    │   └── TimeBudgetExceeded: the pipeline ran past its time budget (WENJI_TIME_BUDGET_S) on
    │       this document. 422, not 503: with one sync worker per core a document's cost is a
    │       property of the document, not of the load, so the same upload would run out again;
    │       a 503 with Retry-After would invite clients to resend it and burn the budget again.
    └── ServiceUnavailable (503, always with Retry-After): not ready yet
        └── Overloaded: the request waited in the listen backlog longer than
            WENJI_MAX_QUEUE_WAIT_S; answered at once so that clients back off (see overload.py)

Handlers for these, and for Werkzeug's own HTTP errors, are registered in `register_error_handlers`.
"""

from __future__ import annotations

import traceback
from typing import Any, ClassVar

from flask import Flask, Response, current_app, g, json, request
from werkzeug.exceptions import HTTPException

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://wenji.dev/problems/"


class Problem(Exception):
    """An error with everything its problem+json body needs."""

    status: ClassVar[int] = 500
    slug: ClassVar[str] = "internal-error"
    title: ClassVar[str] = "Internal Server Error"

    def __init__(self, detail: str | None = None, **extensions: Any) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.extensions = extensions
        self.headers: dict[str, str] = {}

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": TYPE_BASE + self.slug,
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        body.update(self.extensions)
        return body


class BadRequest(Problem):
    status, slug, title = 400, "bad-request", "Bad Request"


class MalformedBody(BadRequest):
    slug, title = "malformed-body", "Malformed request body"


class MissingFile(BadRequest):
    slug, title = "missing-file", "No file in the upload"


class Unauthorized(Problem):
    status, slug, title = 401, "unauthorized", "Unauthorized"


class NotFound(Problem):
    status, slug, title = 404, "not-found", "Not Found"


class MethodNotAllowed(Problem):
    status, slug, title = 405, "method-not-allowed", "Method Not Allowed"


class NotAcceptable(Problem):
    status, slug, title = 406, "not-acceptable", "Not Acceptable"


class PayloadTooLarge(Problem):
    status, slug, title = 413, "payload-too-large", "Payload Too Large"


class UnsupportedMediaType(Problem):
    status, slug, title = 415, "unsupported-media-type", "Unsupported Media Type"


class UnprocessableContent(Problem):
    status, slug, title = 422, "unprocessable-content", "Unprocessable Content"


class InvalidOptions(UnprocessableContent):
    slug, title = "invalid-options", "Invalid options"


class EmptyDocument(UnprocessableContent):
    slug, title = "empty-document", "The document has no text"


class BinaryContent(UnprocessableContent):
    slug, title = "binary-content", "The upload is not a text document"


class UndecodableContent(UnprocessableContent):
    slug, title = "undecodable-content", "The text encoding cannot be decided"


class TimeBudgetExceeded(UnprocessableContent):
    slug, title = "time-budget-exceeded", "The document is too costly to process"


class ServiceUnavailable(Problem):
    status, slug, title = 503, "service-unavailable", "Service Unavailable"


class Overloaded(ServiceUnavailable):
    slug, title = "overloaded", "The service is overloaded"


# Werkzeug raises its own exceptions for routing and size limits; map them onto ours.
_FROM_WERKZEUG: dict[int, type[Problem]] = {
    400: BadRequest,
    401: Unauthorized,
    404: NotFound,
    405: MethodNotAllowed,
    406: NotAcceptable,
    413: PayloadTooLarge,
    415: UnsupportedMediaType,
    422: UnprocessableContent,
    503: ServiceUnavailable,
}


def problem_body(problem: Problem) -> dict[str, Any]:
    """The problem as the client sees it, with where and in which request it happened.

    A batch puts this body into the result of the one file that failed.
    """
    body = problem.to_dict()
    body["instance"] = request.path
    body["request_id"] = g.get("request_id", "")
    return body


def problem_response(problem: Problem) -> Response:
    body = problem_body(problem)
    response = Response(json.dumps(body, ensure_ascii=False), status=problem.status, mimetype=PROBLEM_JSON)
    for name, value in problem.headers.items():
        response.headers[name] = value
    if problem.status == 503 and "Retry-After" not in response.headers:
        settings = current_app.config.get("SETTINGS")
        response.headers["Retry-After"] = str(getattr(settings, "retry_after_s", 2))
    return response


def _from_http_exception(error: HTTPException) -> Response:
    kind = _FROM_WERKZEUG.get(error.code or 500)
    if kind is None:  # a status we have no class for: keep Werkzeug's code and words
        problem = Problem(error.description)
        problem.status = error.code or 500  # type: ignore[misc]
    else:
        problem = kind(error.description if error.code != 404 else f"No resource at {request.path}")
    if error.code == 405 and error.valid_methods:  # type: ignore[attr-defined]
        problem.headers["Allow"] = ", ".join(sorted(error.valid_methods))  # type: ignore[attr-defined]
    return problem_response(problem)


def _from_unexpected(error: Exception) -> Response:
    # The catch-all: log where it failed for us, tell the client only that it failed and its id.
    # The log has the exception's type and stack (code lines), never its message or arguments:
    # those may quote the document (a UnicodeDecodeError carries the bytes) or a header.
    stack = "".join(traceback.format_tb(error.__traceback__))
    current_app.logger.error(
        "unhandled %s in request %s\n%s", type(error).__qualname__, g.get("request_id", "-"), stack.rstrip()
    )
    return problem_response(Problem("The service failed on this request; quote the request id when you report it."))


def register_error_handlers(app: Flask) -> None:
    """From specific to general: our problems, Werkzeug's HTTP errors, then anything else."""
    app.register_error_handler(Problem, problem_response)
    app.register_error_handler(HTTPException, _from_http_exception)
    app.register_error_handler(Exception, _from_unexpected)
