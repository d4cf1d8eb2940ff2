"""Start a real gunicorn, with the shipped gunicorn.conf.py, on a free loopback port, and post
files to it as any HTTP client would.

The server helper lives in bench/servers.py, where the benchmark uses it too; tests import it
from here.
"""

from __future__ import annotations

import urllib.error
import urllib.request

from bench.loadgen import multipart_body
from bench.servers import APP, GUNICORN, ROOT, Server, free_port, gunicorn, wait_ready

__all__ = ["APP", "GUNICORN", "ROOT", "Server", "free_port", "gunicorn", "post_file", "wait_ready"]


def post_file(url: str, name: str, body: bytes, *, timeout: float = 30) -> tuple[int, str, bytes]:
    """POST one file as the multipart part `file` to /v1/documents: (status, content type, body)."""
    data, content_type = multipart_body([(name, body)])
    request = urllib.request.Request(f"{url}/v1/documents", data=data, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()
