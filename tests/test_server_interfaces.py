"""Batch streaming and metrics over a real gunicorn with two workers and the shipped config."""

from __future__ import annotations

import http.client
import json
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bench.loadgen import multipart_body
from conftest import read_seed, seed_names
from contract import check_response
from metric_samples import Samples, parse, value
from servers import Server, gunicorn, post_file

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with gunicorn(workers=2) as running:
        yield running


def test_ndjson_batch_is_streamed_and_read_line_by_line(server: Server) -> None:
    names = seed_names()
    files = [(names[0], read_seed(names[0])), ("empty.txt", b""), *((name, read_seed(name)) for name in names[1:])]
    body, content_type = multipart_body(files)
    connection = http.client.HTTPConnection(urlsplit(server.url).netloc, timeout=30)
    connection.request(
        "POST",
        "/v1/documents/batch",
        body=body,
        headers={"Content-Type": content_type, "Accept": "application/x-ndjson"},
    )
    response = connection.getresponse()
    assert response.status == 200
    assert response.getheader("Content-Type") == "application/x-ndjson"
    assert response.getheader("Transfer-Encoding") == "chunked"  # sent as it is made, not all at once
    statuses = []
    while line := response.readline():  # one result per line, each parsed as it arrives
        check_response("POST", "/v1/documents/batch", 200, "application/x-ndjson", line)
        result = json.loads(line)
        statuses.append((result["filename"], result["status"]))
    connection.close()
    assert statuses == [(names[0], 200), ("empty.txt", 422), *((name, 200) for name in names[1:])]


def _post(url: str) -> int:
    return post_file(url, seed_names()[0], read_seed(seed_names()[0]))[0]


def _scrape(url: str) -> Samples:
    with urllib.request.urlopen(f"{url}/metrics", timeout=10) as response:
        assert response.headers["Content-Type"].startswith("text/plain")
        return parse(response.read().decode())


def test_metrics_count_every_workers_requests(server: Server) -> None:
    route = {"method": "POST", "endpoint": "/v1/documents", "status": "200"}
    before = value(_scrape(server.url), "wenji_http_requests_total", **route)
    # Concurrent requests, so both sync workers take some.
    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(lambda _: _post(server.url), range(12))) == [200] * 12
    # A request is counted when its worker closes it, a moment after the client has the answer.
    deadline = time.monotonic() + 5
    while value(_scrape(server.url), "wenji_http_requests_total", **route) < before + 12:
        assert time.monotonic() < deadline, "the counts never reached the requests made"
        time.sleep(0.05)
    # Whichever worker answers the scrape, it reports the sum over both.
    for _ in range(4):
        after = _scrape(server.url)
        assert value(after, "wenji_http_requests_total", **route) == before + 12
        assert value(after, "wenji_documents_total", outcome="ok") >= 12
        assert value(after, "wenji_stage_duration_seconds_count", stage="keywords") >= 12
        assert value(after, "wenji_http_request_duration_seconds_count", method="POST", endpoint="/v1/documents") >= 12


def test_an_operators_metrics_directory_is_emptied_at_start_and_kept(tmp_path: Path) -> None:
    stale = tmp_path / "counter_999999.db"
    stale.write_bytes(b"not a metrics file: a leftover of an earlier run")
    with gunicorn(workers=1, env={"PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}) as running:
        assert not stale.exists()
        assert _post(running.url) == 200
        after = _scrape(running.url)
        assert value(after, "wenji_http_requests_total", method="POST", endpoint="/v1/documents", status="200") == 1
    assert tmp_path.is_dir()  # not ours to remove
