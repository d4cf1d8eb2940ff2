"""POST /v1/documents: each way of sending an article, and each way of getting it wrong."""

from __future__ import annotations

import base64
import io
import json

import pytest
from flask.testing import FlaskClient

from conftest import read_seed, seed_names
from service.app import create_app
from service.config import Settings

SEED = seed_names()[0]


def _upload(client: FlaskClient, body: bytes, name: str = "article.txt", query: str = ""):
    return client.post(f"/v1/documents{query}", data={"file": (io.BytesIO(body), name)})


def test_multipart_upload_returns_the_document(client: FlaskClient) -> None:
    response = _upload(client, read_seed(SEED), SEED)
    assert response.status_code == 200
    document = response.get_json()
    assert document["text"] and "<div" not in document["text"]
    assert document["source"]["filename"] == SEED
    assert response.headers["X-Request-ID"]


@pytest.mark.parametrize("content_type", ["text/plain", "text/html", "application/octet-stream"])
def test_raw_bodies_are_read_as_the_same_document(client: FlaskClient, content_type: str) -> None:
    body = read_seed(SEED)
    raw = client.post("/v1/documents", data=body, content_type=content_type)
    multipart = _upload(client, body)
    assert raw.status_code == 200
    assert raw.get_json()["text"] == multipart.get_json()["text"]


def test_a_declared_charset_is_honoured(client: FlaskClient) -> None:
    body = "会议在北京召开。\n与会人员参加了会议。".encode("gb18030")
    response = client.post("/v1/documents", data=body, content_type="text/plain; charset=gb18030")
    assert response.status_code == 200
    assert response.get_json()["text"].startswith("会议在北京召开。")
    assert response.get_json()["source"]["encoding_method"] == "declared"


def test_json_content_and_base64_bytes(client: FlaskClient) -> None:
    text = "6月6日，国家市场监督管理总局召开动员部署会。"
    as_text = client.post("/v1/documents", json={"content": text, "filename": "a.txt"})
    as_bytes = client.post(
        "/v1/documents",
        json={"content_base64": base64.b64encode(text.encode("gb18030")).decode(), "encoding": "gb18030"},
    )
    assert as_text.status_code == as_bytes.status_code == 200
    assert as_text.get_json()["text"] == as_bytes.get_json()["text"] == text


def test_the_client_request_id_is_echoed_and_a_bad_one_replaced(client: FlaskClient) -> None:
    assert client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["X-Request-ID"] == "abc-123"
    replaced = client.get("/healthz", headers={"X-Request-ID": "bad id\twith tab"}).headers["X-Request-ID"]
    assert replaced and " " not in replaced


# fmt: off
PROBLEMS = [
    # (what is wrong, request keyword arguments, status, problem slug)
    ("no file part",        {"data": {"other": (io.BytesIO(b"x"), "a.txt")}},                    400, "missing-file"),
    ("no boundary",         {"data": b"--x\r\n", "content_type": "multipart/form-data"},         400, "malformed-body"),
    ("unparsable JSON",     {"data": b"{not json", "content_type": "application/json"},          400, "malformed-body"),
    ("JSON of wrong shape", {"json": {"content": 5}},                                            422, "invalid-options"),
    ("JSON with both",      {"json": {"content": "a", "content_base64": "YQ=="}},                422, "invalid-options"),
    ("bad base64",          {"json": {"content_base64": "***"}},                                 422, "invalid-options"),
    ("JSON not an object",  {"json": ["a"]},                                                     422, "invalid-options"),
    ("unsupported type",    {"data": b"a", "content_type": "image/png"},                         415, "unsupported-media-type"),
    ("gzip encoding",       {"data": b"a", "content_type": "text/plain", "headers": {"Content-Encoding": "gzip"}}, 415, "unsupported-media-type"),
    ("empty body",          {"data": b"", "content_type": "text/plain"},                         422, "empty-document"),
    ("only whitespace",     {"data": "　 \n\t".encode(), "content_type": "text/plain"},         422, "empty-document"),
]
# fmt: on


@pytest.mark.parametrize(("case", "request_kwargs", "status", "slug"), PROBLEMS, ids=[p[0] for p in PROBLEMS])
def test_bad_requests_get_a_problem(
    client: FlaskClient, case: str, request_kwargs: dict, status: int, slug: str
) -> None:
    response = client.post("/v1/documents", **request_kwargs)
    assert response.status_code == status, response.data
    assert response.mimetype == "application/problem+json"
    problem = response.get_json()
    assert problem["type"].endswith("/" + slug)
    assert problem["status"] == status
    assert problem["request_id"] == response.headers["X-Request-ID"]
    assert problem["instance"] == "/v1/documents"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?keywords=51", "keywords"),
        ("?keywords=-1", "keywords"),
        ("?keywords=ten", "keywords"),
        ("?keywords_method=lda", "keywords_method"),
        ("?summary=100", "summary"),
    ],
)
def test_options_out_of_range_name_the_field(client: FlaskClient, query: str, field: str) -> None:
    response = _upload(client, read_seed(SEED), query=query)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_unknown_path_and_wrong_method(client: FlaskClient) -> None:
    assert client.get("/v2/nothing").status_code == 404
    wrong = client.get("/v1/documents")
    assert wrong.status_code == 405
    assert "POST" in wrong.headers["Allow"]


def test_a_body_over_the_limit_is_refused_before_it_is_read() -> None:
    app = create_app(Settings(testing=True, max_body_bytes=1024))
    client = app.test_client()
    declared = client.post("/v1/documents", data=b"x" * 2048, content_type="text/plain")
    assert declared.status_code == 413
    multipart = client.post("/v1/documents", data={"file": (io.BytesIO(b"x" * 2048), "a.txt")})
    assert multipart.status_code == 413


def test_a_chunked_body_over_the_limit_is_refused_not_cut() -> None:
    app = create_app(Settings(testing=True, max_body_bytes=1024))
    client = app.test_client()

    body = "会议强调，要深入学习。".encode() * 120  # no Content-Length, as a chunked upload arrives
    response = client.post(
        "/v1/documents",
        input_stream=io.BytesIO(body),
        content_type="text/plain",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},  # as gunicorn sets for chunked bodies
    )
    assert response.request.content_length is None
    assert response.status_code == 413


def test_an_unexpected_failure_is_a_problem_without_a_traceback(failing_client: FlaskClient) -> None:
    response = failing_client.get("/boom")
    assert response.status_code == 500
    assert response.mimetype == "application/problem+json"
    body = json.loads(response.data)
    assert "secret internals" not in response.get_data(as_text=True)
    assert body["request_id"] == response.headers["X-Request-ID"]


def test_health_ready_docs(client: FlaskClient) -> None:
    assert client.get("/healthz").get_json() == {"status": "ok"}
    assert client.get("/readyz").get_json() == {"status": "ready"}
    page = client.get("/docs")
    assert page.status_code == 200 and b"swagger-ui-bundle.js" in page.data
    assert client.get("/docs/assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/swagger-init.js").status_code == 200
