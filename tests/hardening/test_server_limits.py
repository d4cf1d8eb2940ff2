"""Limits over a real gunicorn with the shipped config: what a client on the wire sees.

- a 50 MB body is refused with 413 from its headers: the answer comes after a few KB were sent;
- gunicorn's own answers to broken HTTP (over-long lines and headers, bad chunk sizes) are its
  plain-text 400s, before the app runs: pinned here and documented in the README;
- a request that waited in the backlog behind a busy sync worker is shed with 503 + Retry-After;
- the time budget answers 422 inside the worker, long before gunicorn's timeout.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from contract import check_response
from servers import Server, gunicorn

pytestmark = pytest.mark.server

ARTICLE = "会议在北京召开。\n与会人员认真学习了文件精神。".encode()


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with gunicorn(workers=1) as running:
        yield running


def _address(server: Server) -> tuple[str, int]:
    host, port = server.url.removeprefix("http://").split(":")
    return host, int(port)


def _read_response(sock: socket.socket, timeout: float = 5.0) -> tuple[int, dict[str, str], bytes]:
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return int(lines[0].split()[1]), headers, body


def _exchange(server: Server, raw: bytes) -> tuple[int, dict[str, str], bytes]:
    with socket.create_connection(_address(server), timeout=5) as sock:
        sock.sendall(raw)
        return _read_response(sock)


def test_a_50_mb_body_is_refused_from_its_headers_before_it_is_read(server: Server) -> None:
    size = 50 * 1024 * 1024
    head = (
        f"POST /v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: {size}\r\n\r\n"
    ).encode()
    with socket.create_connection(_address(server), timeout=5) as sock:
        started = time.monotonic()
        sock.sendall(head + b"x" * 65536)  # 64 KB of the 50 MB: the rest is never sent
        status, headers, body = _read_response(sock)
        seconds = time.monotonic() - started
    assert status == 413
    assert headers["content-type"] == "application/problem+json"
    check_response("POST", "/v1/documents", status, headers["content-type"], body)
    assert seconds < 2, f"{seconds:.1f} s: the server waited for the body"


def test_a_multipart_upload_over_the_limit_is_refused_from_its_headers(server: Server) -> None:
    head = (
        "POST /v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
        f"Content-Length: {50 * 1024 * 1024}\r\n\r\n"
    ).encode()
    status, headers, _ = _exchange(server, head + b'--b\r\nContent-Disposition: form-data; name="file"\r\n\r\n')
    assert status == 413 and headers["content-type"] == "application/problem+json"


# fmt: off
GUNICORN_OWN = [
    # (what is broken, raw request, gunicorn's status)
    ("request line over 8190",  b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",                             414),
    ("header over 8190",        b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n",           431),
    ("over 100 headers",        b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(120)) + b"\r\n", 431),
    ("not HTTP at all",         b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64 + b"\r\n\r\n",            400),
]
# fmt: on


@pytest.mark.parametrize(("case", "raw", "status"), GUNICORN_OWN, ids=[g[0] for g in GUNICORN_OWN])
def test_gunicorns_own_answers_to_broken_http(server: Server, case: str, raw: bytes, status: int) -> None:
    # Answered by gunicorn's parser before the app sees anything: plain text, not problem+json
    # (documented in the README). The worker carries on serving.
    got, headers, _ = _exchange(server, raw)
    assert got == status
    assert headers["content-type"] == "text/html"  # gunicorn's page, not our problem+json
    assert _exchange(server, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")[0] == 200


def test_a_bad_chunk_size_is_our_400_problem(server: Server) -> None:
    # gunicorn reads chunks lazily, as the app reads the body, so its parse error reaches us.
    raw = (
        b"POST /v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
        b"Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"
    )
    status, headers, body = _exchange(server, raw)
    assert status == 400
    assert json.loads(body)["type"].endswith("/malformed-body")
    check_response("POST", "/v1/documents", status, headers["content-type"], body)


def test_a_body_shorter_than_its_content_length_is_a_400(server: Server) -> None:
    head = b"POST /v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n"
    with socket.create_connection(_address(server), timeout=5) as sock:
        sock.sendall(head + ARTICLE)
        sock.shutdown(socket.SHUT_WR)  # the client stops sending: the body is truncated
        status, headers, body = _read_response(sock)
    assert status == 400
    check_response("POST", "/v1/documents", status, headers["content-type"], body)


def test_the_time_budget_answers_inside_the_worker() -> None:
    with gunicorn(workers=1, env={"WENJI_TIME_BUDGET_S": "0.000001"}) as tiny:
        body = ARTICLE * 200
        raw = (
            f"POST /v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        status, _, answer = _exchange(tiny, raw)
    assert status == 422
    assert json.loads(answer)["type"].endswith("/time-budget-exceeded")


def test_a_request_that_queued_behind_a_busy_worker_is_shed_with_retry_after() -> None:
    # One sync worker, held by a client that trickles its body (the slow-client problem a
    # buffering proxy solves); a second request waits in the backlog meanwhile.
    with gunicorn(workers=1, env={"WENJI_MAX_QUEUE_WAIT_S": "0.3", "WENJI_RETRY_AFTER_S": "3"}) as busy:
        body = ARTICLE
        head = (
            f"POST /v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        slow = socket.create_connection(_address(busy), timeout=5)
        slow.sendall(head + body[:5])
        time.sleep(0.2)  # the worker has taken the slow request and waits for its body
        results: dict[str, tuple[int, dict[str, str], bytes]] = {}

        def queued() -> None:
            results["queued"] = _exchange(busy, head + body)

        waiter = threading.Thread(target=queued)
        waiter.start()
        time.sleep(1.0)  # the queued request sits in the backlog for a second
        slow.sendall(body[5:])
        slow_status = _read_response(slow)[0]
        slow.close()
        waiter.join(10)
    assert slow_status == 200  # the slow client was served: slow is not shed
    status, headers, answer = results["queued"]
    assert status == 503
    assert headers["retry-after"] == "3"
    assert json.loads(answer)["type"].endswith("/overloaded")
    check_response("POST", "/v1/documents", status, headers["content-type"], answer)
