"""Start a real gunicorn, with the shipped gunicorn.conf.py, on a free loopback port, and post
files to it as any HTTP client would.

The server helper lives in bench/servers.py, where the benchmark uses it too; tests import it
from here.
"""

from __future__ import annotations

import urllib.error
import urllib.request
import uuid

from bench.servers import APP, GUNICORN, ROOT, Server, free_port, gunicorn, wait_ready

__all__ = ["APP", "GUNICORN", "ROOT", "Server", "free_port", "gunicorn", "post_file", "wait_ready"]


def post_file(url: str, name: str, body: bytes, *, timeout: float = 30) -> tuple[int, str, bytes]:
    """POST one file as the multipart part `file` to /v1/documents: (status, content type, body)."""
    boundary = uuid.uuid4().hex
    data = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + body
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        f"{url}/v1/documents", data=data, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()
