"""A real gunicorn with the shipped config: the seeds over HTTP, every response per the spec."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from conftest import read_seed, seed_names
from contract import check_response
from servers import Server, gunicorn, post_file

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with gunicorn(workers=2) as running:
        yield running


@pytest.mark.parametrize("name", seed_names())
def test_each_seed_over_http_matches_the_contract(server: Server, name: str) -> None:
    status, content_type, body = post_file(server.url, name, read_seed(name))
    assert status == 200
    check_response("POST", "/v1/documents", status, content_type, body)
    assert json.loads(body)["text"]


def test_errors_over_http_are_problems(server: Server) -> None:
    status, content_type, body = post_file(server.url, "empty.txt", b"")
    assert status == 422
    check_response("POST", "/v1/documents", status, content_type, body)
    request = urllib.request.Request(f"{server.url}/nowhere")
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=5)
    assert error.value.code == 404
    assert error.value.headers["Content-Type"] == "application/problem+json"


def test_chunked_body_over_the_limit_is_413_over_http() -> None:
    # Werkzeug alone would cut a chunked body at the limit and carry on; gunicorn sends it chunked.
    with gunicorn(workers=1, env={"WENJI_MAX_BODY_BYTES": "1024"}) as small:

        def chunks() -> Iterator[bytes]:
            for _ in range(10):
                yield "会议强调，要深入学习贯彻。".encode() * 20

        request = urllib.request.Request(
            f"{small.url}/v1/documents", data=chunks(), headers={"Content-Type": "text/plain"}, method="POST"
        )
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(request, timeout=10)
        assert error.value.code == 413
