"""Access logs: one JSON line per request, with its id, and never the document's text."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient

from conftest import read_seed, seed_names

SEED = seed_names()[0]


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def access_lines(app) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    handler = _Lines()
    logger = logging.getLogger("wenji.access")
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


def test_a_request_is_one_json_line_with_its_id(client: FlaskClient, access_lines: list[str]) -> None:
    # buffered: the test client then closes the answer, as a server does; the line is written then.
    response = client.get("/healthz", headers={"X-Request-ID": "abc-123"}, buffered=True)
    (line,) = access_lines
    entry = json.loads(line)
    assert entry["method"] == "GET" and entry["path"] == "/healthz" and entry["status"] == 200
    assert entry["request_id"] == "abc-123" == response.headers["X-Request-ID"]
    assert entry["bytes"] == len(response.data)
    assert entry["duration_ms"] >= 0 and entry["remote_addr"] and entry["ts"].endswith("Z")


def test_no_document_text_file_name_or_query_reaches_the_log(client: FlaskClient, access_lines: list[str]) -> None:
    body = read_seed(SEED)
    response = client.post(
        "/v1/documents?fields=text&keywords=5&secret=会议强调",
        data={"file": (io.BytesIO(body), "机密文件.txt")},
        buffered=True,
    )
    text = response.get_json()["text"]
    (line,) = access_lines
    entry = json.loads(line)
    assert entry["path"] == "/v1/documents" and entry["status"] == 200
    for secret in (text[:8], "会议强调", "机密文件", "secret", "fields"):
        assert secret not in line


def test_errors_and_streamed_answers_are_logged_when_finished(client: FlaskClient, access_lines: list[str]) -> None:
    client.get("/nowhere", buffered=True)
    response = client.post(
        "/v1/documents/batch",
        data={"file": [(io.BytesIO(read_seed(SEED)), SEED), (io.BytesIO(b""), "empty.txt")]},
        headers={"Accept": "application/x-ndjson"},
        buffered=True,
    )
    missing, streamed = (json.loads(line) for line in access_lines)
    assert missing["status"] == 404 and missing["endpoint"] is None
    assert streamed["status"] == 200 and streamed["bytes"] == len(response.data)
