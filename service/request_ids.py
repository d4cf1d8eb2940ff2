"""Every request gets an id: the client's `X-Request-ID` if it sent a sane one, else a new one.

The id is echoed on every response and put into every problem body and log line, so a user
can quote it and an operator can find the request.
"""

from __future__ import annotations

import os
import re

from flask import Flask, Response, g, request

HEADER = "X-Request-ID"
# Only ids that are safe to echo in a header and a log line: no control characters, bounded.
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:@/+=-]{1,128}$")


def _assign() -> None:
    offered = request.headers.get(HEADER, "")
    g.request_id = offered if _SAFE_ID.match(offered) else new_id()


def _echo(response: Response) -> Response:
    response.headers[HEADER] = g.get("request_id") or new_id()
    return response


def new_id() -> str:
    """32 random hex digits, as uuid4().hex looks, in a fifth of its time (no UUID object built)."""
    return os.urandom(16).hex()


def init_app(app: Flask) -> None:
    app.before_request(_assign)
    app.after_request(_echo)
