"""POST /v1/documents/batch: one result per file, in order; a bad file fails alone; NDJSON streams."""

from __future__ import annotations

import io
import json

import pytest
from flask.testing import FlaskClient

from conftest import ContractClient, read_seed, seed_names
from service.app import create_app
from service.config import Settings

GOOD = seed_names()[:2]


def _files(*named: tuple[str, bytes]) -> dict[str, list[tuple[io.BytesIO, str]]]:
    return {"file": [(io.BytesIO(body), name) for name, body in named]}


def _mixed() -> dict[str, list[tuple[io.BytesIO, str]]]:
    return _files(
        (GOOD[0], read_seed(GOOD[0])),
        ("empty.txt", b""),
        ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
        (GOOD[1], read_seed(GOOD[1])),
    )


def test_good_and_bad_files_each_get_their_own_result_in_upload_order(client: FlaskClient) -> None:
    response = client.post("/v1/documents/batch", data=_mixed())
    assert response.status_code == 200
    batch = response.get_json()
    assert [result["filename"] for result in batch["results"]] == [GOOD[0], "empty.txt", "image.png", GOOD[1]]
    assert [result["status"] for result in batch["results"]] == [200, 422, 422, 200]
    assert batch["failed"] == 2
    empty, image = batch["results"][1]["problem"], batch["results"][2]["problem"]
    assert empty["type"].endswith("/empty-document")
    assert image["type"].endswith("/binary-content")
    assert empty["request_id"] == response.headers["X-Request-ID"]
    assert empty["instance"] == "/v1/documents/batch"


def test_a_batch_document_is_the_single_endpoints_document(client: FlaskClient) -> None:
    batch = client.post("/v1/documents/batch?keywords=5&summary=2", data=_files((GOOD[0], read_seed(GOOD[0]))))
    single = client.post("/v1/documents?keywords=5&summary=2", data={"file": (io.BytesIO(read_seed(GOOD[0])), GOOD[0])})
    assert batch.get_json()["results"][0]["document"] == single.get_json()


def test_fields_trim_every_document_of_a_batch(client: FlaskClient) -> None:
    batch = client.post("/v1/documents/batch?fields=text,keywords", data=_mixed()).get_json()
    documents = [result["document"] for result in batch["results"] if "document" in result]
    assert documents and all(list(document) == ["text", "keywords"] for document in documents)


def test_ndjson_streams_one_line_per_file_in_order(client: FlaskClient) -> None:
    response = client.post("/v1/documents/batch", data=_mixed(), headers={"Accept": "application/x-ndjson"})
    assert response.status_code == 200
    assert response.mimetype == "application/x-ndjson"
    assert "Content-Length" not in response.headers  # streamed: its length is not known up front
    lines = response.get_data(as_text=True).splitlines()
    results = [json.loads(line) for line in lines]
    assert [result["status"] for result in results] == [200, 422, 422, 200]
    # The lines are the JSON answer's results, one per line.
    whole = client.post("/v1/documents/batch", data=_mixed()).get_json()["results"]
    assert list(map(_without_request_id, results)) == list(map(_without_request_id, whole))


def _without_request_id(result: dict) -> dict:
    # Two requests, two ids; everything else in a result must be the same.
    return {**result, "problem": {**result["problem"], "request_id": ""}} if "problem" in result else result


def _client(**settings: int) -> FlaskClient:
    app = create_app(Settings(testing=True, **settings))
    app.test_client_class = ContractClient
    return app.test_client()


def test_more_files_than_the_limit_is_413_for_the_whole_batch() -> None:
    client = _client(batch_max_files=2)
    response = client.post("/v1/documents/batch", data=_files(*[(f"{n}.txt", "会议召开。".encode()) for n in range(3)]))
    assert response.status_code == 413
    assert "limit is 2" in response.get_json()["detail"]
    assert client.post("/v1/documents/batch", data=_files(("a.txt", "会议召开。".encode()))).status_code == 200


def test_a_batch_over_the_byte_limit_is_413_before_it_is_read() -> None:
    client = _client(batch_max_bytes=4096)
    response = client.post("/v1/documents/batch", data=_files(*[(f"{n}.txt", read_seed(GOOD[0])) for n in range(3)]))
    assert response.status_code == 413


def test_the_batch_limit_replaces_the_single_upload_limit_for_the_body() -> None:
    # Two files of 600 bytes: the body is over max_body_bytes, each file and the batch are not.
    client = _client(max_body_bytes=1000, batch_max_bytes=10_000)
    body = ("会议强调，要深入学习。" * 20).encode()[:600]
    response = client.post("/v1/documents/batch", data=_files(("a.txt", body), ("b.txt", body)))
    assert response.status_code == 200
    assert [result["status"] for result in response.get_json()["results"]] == [200, 200]


def test_one_file_over_the_single_upload_limit_is_413_for_that_file_alone() -> None:
    client = _client(max_body_bytes=1000)
    small, large = "会议召开。".encode(), ("会议强调，要深入学习。" * 100).encode()
    response = client.post("/v1/documents/batch", data=_files(("small.txt", small), ("large.txt", large)))
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [result["status"] for result in results] == [200, 413]
    assert results[1]["problem"]["type"].endswith("/payload-too-large")


def test_an_unexpected_failure_on_one_file_spares_the_others(client: FlaskClient, monkeypatch) -> None:
    from service.api import processing

    real = processing.process

    def fails_on_b(upload, options):  # type: ignore[no-untyped-def]
        if upload.filename == "b.txt":
            raise RuntimeError("secret internals")
        return real(upload, options)

    monkeypatch.setattr(processing, "process", fails_on_b)
    text = "会议召开。".encode()
    response = client.post("/v1/documents/batch", data=_files(("a.txt", text), ("b.txt", text), ("c.txt", text)))
    assert [result["status"] for result in response.get_json()["results"]] == [200, 500, 200]
    assert "secret internals" not in response.get_data(as_text=True)


# fmt: off
BAD_BATCHES = [
    # (what is wrong, request keyword arguments, status, problem slug)
    ("no file part",    {"data": {"other": (io.BytesIO(b"x"), "a.txt")}},              400, "missing-file"),
    ("no boundary",     {"data": b"--x\r\n", "content_type": "multipart/form-data"},   400, "malformed-body"),
    ("not multipart",   {"data": "会议".encode(), "content_type": "text/plain"},        415, "unsupported-media-type"),
    ("JSON",            {"json": {"content": "会议"}},                                  415, "unsupported-media-type"),
    ("bad option",      {"data": {"file": (io.BytesIO(b"x"), "a.txt")}, "query_string": "keywords=99"}, 422, "invalid-options"),
    ("unknown field",   {"data": {"file": (io.BytesIO(b"x"), "a.txt")}, "query_string": "fields=body"}, 422, "invalid-options"),
    ("plain text",      {"data": {"file": (io.BytesIO(b"x"), "a.txt")}, "headers": {"Accept": "text/plain"}}, 406, "not-acceptable"),
]
# fmt: on


@pytest.mark.parametrize(("case", "request_kwargs", "status", "slug"), BAD_BATCHES, ids=[b[0] for b in BAD_BATCHES])
def test_a_batch_that_cannot_be_read_fails_as_a_whole(
    client: FlaskClient, case: str, request_kwargs: dict, status: int, slug: str
) -> None:
    response = client.post("/v1/documents/batch", **request_kwargs)
    assert response.status_code == status, response.data
    assert response.get_json()["type"].endswith("/" + slug)
