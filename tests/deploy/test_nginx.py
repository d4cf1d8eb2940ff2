"""The shipped nginx config, live: Debian's nginx in front of a real gunicorn on loopback.

Skipped where nginx is not installed (`make replicas` installs it); everything else about the
config is checked as text in test_manifests.py.
"""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.nginx import SHIPPED, Proxy, check_config, find_nginx, nginx
from contract import check_response
from servers import Server, free_port, gunicorn

pytestmark = [
    pytest.mark.server,
    pytest.mark.skipif(find_nginx() is None, reason="nginx is not installed (Debian: apt-get install nginx-light)"),
]


@pytest.fixture(scope="module")
def one_worker() -> Iterator[Server]:
    with gunicorn(workers=1) as server:
        yield server


@pytest.fixture(scope="module")
def proxy(one_worker: Server) -> Iterator[Proxy]:
    with nginx([one_worker.url.removeprefix("http://")]) as running:
        yield running


def fetch(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def test_nginx_accepts_the_shipped_config() -> None:
    result = check_config(["127.0.0.1:8001", "127.0.0.1:8002"])
    assert result.returncode == 0, result.stderr


def test_nginx_accepts_composes_config(tmp_path: Path) -> None:
    # Debian's nginx is older than the compose image's: it lacks `resolve` on upstream servers
    # (1.27.3), and Docker's `wenji` name does not resolve here. Everything else is as shipped.
    shipped = (SHIPPED / "nginx.conf").read_text(encoding="utf-8")
    local = (
        shipped.replace("server wenji:8000 resolve", "server 127.0.0.1:8000")
        .replace("user nginx;", "")
        .replace(" /tmp/", f" {tmp_path}/")
    )
    assert local.count(str(tmp_path)) == 6  # the pid and the five temporary paths
    # After the /tmp paths: the checkout itself may live under /tmp.
    local = local.replace("/etc/nginx/wenji.conf", str(SHIPPED / "wenji.conf"))
    (tmp_path / "nginx.conf").write_text(local, encoding="utf-8")
    result = subprocess.run(
        [
            str(find_nginx()),
            "-t",
            "-p",
            str(tmp_path),
            "-e",
            str(tmp_path / "error.log"),
            "-c",
            str(tmp_path / "nginx.conf"),
        ],
        capture_output=True,
        text=True,
        timeout=10,
    )
    assert result.returncode == 0, result.stderr


def test_requests_pass_through_with_their_id(proxy: Proxy) -> None:
    request = urllib.request.Request(f"{proxy.url}/readyz", headers={"X-Request-ID": "deploy-check-1"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        assert response.headers["X-Request-ID"] == "deploy-check-1"
    status, content_type, body = fetch(
        f"{proxy.url}/v1/documents", data="会议强调，要深入学习贯彻。".encode(), headers={"Content-Type": "text/plain"}
    )
    assert status == 200
    check_response("POST", "/v1/documents", status, content_type, body)


@pytest.mark.parametrize(
    ("path", "limit"), [("/v1/documents", 20 * 1024 * 1024), ("/v1/documents/batch", 50 * 1024 * 1024)]
)
def test_an_upload_over_the_limit_is_nginxs_problem_not_a_workers(proxy: Proxy, path: str, limit: int) -> None:
    status, content_type, body = fetch(
        f"{proxy.url}{path}", data=b"x" * (limit + 1), headers={"Content-Type": "text/plain"}
    )
    assert status == 413
    check_response("POST", path, status, content_type, body)
    assert json.loads(body)["detail"] == f"The body is larger than {limit} bytes."


def test_no_replica_is_a_502_problem() -> None:
    with nginx([f"127.0.0.1:{free_port()}"]) as dead:
        status, content_type, body = fetch(f"{dead.url}/v1/documents", data=b"x", headers={"X-Request-ID": "r-1"})
    assert status == 502
    check_response("POST", "/v1/documents", status, content_type, body)
    assert b'"request_id":"r-1"' in body


# What gunicorn itself answers in HTML or plain text (or what reaches the app as a 500): nginx
# meets it first and answers with a problem.
# fmt: off
MALFORMED = {
    "no request line": b"NONSENSE\r\n\r\n",
    "a bad chunk size": b"POST /v1/documents HTTP/1.1\r\nHost: w\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
    "an over-long request line": b"GET /healthz?" + b"a" * 9000 + b" HTTP/1.1\r\nHost: w\r\n\r\n",
    "an over-long header": b"GET /healthz HTTP/1.1\r\nHost: w\r\nX-Long: " + b"a" * 9000 + b"\r\n\r\n",
}
# fmt: on


@pytest.mark.parametrize("request_bytes", MALFORMED.values(), ids=MALFORMED.keys())
def test_requests_gunicorn_would_answer_in_html_are_problems(proxy: Proxy, request_bytes: bytes) -> None:
    port = int(proxy.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(request_bytes)
        answer = connection.makefile("rb").read()
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split()[1])
    assert status in {400, 414} and b"application/problem+json" in head
    check_response("GET", "/healthz", status, "application/problem+json", body)  # any operation: its default


def trickle_an_upload(url: str) -> socket.socket:
    """Start an upload and send only part of it, as a slow or stalled client does."""
    host, port = url.removeprefix("http://").split(":")
    connection = socket.create_connection((host, int(port)), timeout=5)
    connection.sendall(
        b"POST /v1/documents HTTP/1.1\r\nHost: wenji\r\nContent-Type: text/plain\r\n"
        b"Content-Length: 100000\r\n\r\n" + "会议".encode() * 10
    )
    return connection


def answers_within(url: str, seconds: float) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=seconds) as response:
            return response.status == 200
    except (TimeoutError, urllib.error.URLError):
        return False


def test_a_slow_client_holds_nginx_not_the_only_worker(one_worker: Server, proxy: Proxy) -> None:
    # The trap gunicorn's docs warn of, shown directly: a trickling upload holds a sync worker...
    with trickle_an_upload(one_worker.url):
        time.sleep(0.2)
        assert not answers_within(one_worker.url, 1.0)
    # ...while through nginx the same upload waits in nginx and the worker stays free.
    with trickle_an_upload(proxy.url):
        time.sleep(0.2)
        assert answers_within(proxy.url, 1.0)
