"""One JSON line per request on the `wenji.access` logger, written when the answer is finished.

A line holds what an operator needs to find and time a request, and nothing a client sent as
content: the path without its query string, never a body, a file name or a header beyond the
user agent. Documents may be unpublished or sensitive; the logs outlive them.

    {"ts": "2025-06-06T09:30:00.123Z", "method": "POST", "path": "/v1/documents", "status": 200,
     "duration_ms": 41.7, "bytes": 5120, "request_id": "5dc5…", "remote_addr": "127.0.0.1", ...}
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from flask import Flask, Response, g, request

logger = logging.getLogger("wenji.access")
# json.dumps with an option builds a new encoder each call; this one is built once.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time, as test runners and gunicorn swap it."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(logging.Formatter("%(message)s"))  # the message is the JSON line

    @property  # type: ignore[override]
    def stream(self):  # type: ignore[no-untyped-def]
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:  # type: ignore[no-untyped-def]
        pass


def _start_clock() -> None:
    g.access_started = time.perf_counter()


def _log_when_finished(response: Response) -> Response:
    line = {
        "method": request.method,
        "path": request.path,  # never the query string
        "endpoint": request.url_rule.rule if request.url_rule else None,
        "status": response.status_code,
        "request_id": g.get("request_id"),
        "remote_addr": request.remote_addr,
        # The header itself, as `request.user_agent.string` gives it, without the UserAgent object.
        "user_agent": request.headers.get("User-Agent") or None,
    }
    started = g.get("access_started", time.perf_counter())
    sent = None
    if response.is_streamed:  # counted as it goes; a buffered answer's length is known now
        sent = _Counter()
        response.response = sent.wrap(response.response)
    length = response.content_length or 0

    def finished() -> None:
        line["duration_ms"] = round((time.perf_counter() - started) * 1000, 3)
        line["bytes"] = length if sent is None else sent.total
        logger.info(_ENCODER.encode({"ts": _now(), **line}))

    response.call_on_close(finished)
    return response


class _Counter:
    """A streamed body's length, counted as it goes."""

    total = 0

    def wrap(self, chunks: Iterable[bytes | str]) -> Iterator[bytes | str]:
        try:
            for chunk in chunks:
                self.total += len(chunk.encode() if isinstance(chunk, str) else chunk)
                yield chunk
        finally:
            # Close what we wrap now, as the server would have: a streamed answer's request
            # context is released there.
            close = getattr(chunks, "close", None)
            if close is not None:
                close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def init_app(app: Flask) -> None:
    if not any(isinstance(handler, _Stderr) for handler in logger.handlers):
        logger.addHandler(_Stderr())
    logger.setLevel(logging.INFO)
    logger.propagate = False  # one line per request, not a second copy through the root logger
    app.before_request(_start_clock)
    app.after_request(_log_when_finished)
