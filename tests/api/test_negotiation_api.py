"""Content negotiation on POST /v1/documents: `Accept: text/plain`, 406, and `?fields=` trimming."""

from __future__ import annotations

import io

import pytest
from flask.testing import FlaskClient

from conftest import read_seed, seed_names
from contract import ContractViolation, check_schema
from service.api.negotiation import DOCUMENT_FIELDS

SEED = seed_names()[0]


def _upload(client: FlaskClient, *, query: str = "", accept: str | None = None, name: str = SEED):
    headers = {"Accept": accept} if accept is not None else {}
    return client.post(f"/v1/documents{query}", data={"file": (io.BytesIO(read_seed(name)), name)}, headers=headers)


@pytest.mark.parametrize("name", seed_names())
def test_without_fields_the_answer_is_a_whole_document(client: FlaskClient, name: str) -> None:
    # The spec lets a 200 be trimmed (DocumentOrFields); the usual answer still holds to Document itself.
    check_schema("Document", _upload(client, name=name).get_json())
    with pytest.raises(ContractViolation):
        check_schema("Document", {"text": "only text"})


def test_accept_text_plain_answers_the_cleaned_text_alone(client: FlaskClient) -> None:
    as_json = _upload(client).get_json()
    as_text = _upload(client, accept="text/plain")
    assert as_text.status_code == 200
    assert as_text.mimetype == "text/plain" and as_text.mimetype_params["charset"] == "utf-8"
    assert as_text.get_data(as_text=True) == as_json["text"] + "\n"  # a text file ends with a newline


# fmt: off
ACCEPTS = [
    # (Accept header, media type answered)
    (None,                                  "application/json"),
    ("*/*",                                 "application/json"),
    ("application/json",                    "application/json"),
    ("application/*",                       "application/json"),
    ("text/*",                              "text/plain"),
    ("text/plain;q=0.9, application/json;q=0.5", "text/plain"),
    ("text/html, text/plain;q=0.1",         "text/plain"),
]
# fmt: on


@pytest.mark.parametrize(("accept", "media"), ACCEPTS)
def test_accept_picks_the_media_type(client: FlaskClient, accept: str | None, media: str) -> None:
    response = _upload(client, accept=accept)
    assert response.status_code == 200
    assert response.mimetype == media


@pytest.mark.parametrize("accept", ["image/png", "text/html", "application/xml", "application/x-ndjson"])
def test_an_accept_we_cannot_serve_is_406_before_the_upload_is_read(client: FlaskClient, accept: str) -> None:
    response = client.post("/v1/documents", data=b"", content_type="text/plain", headers={"Accept": accept})
    assert response.status_code == 406  # not the 422 an empty body would get: nothing was read
    assert response.mimetype == "application/problem+json"
    assert "application/json" in response.get_json()["detail"]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("text", ["text"]),
        ("text,metadata,keywords,summary", ["text", "metadata", "keywords", "summary"]),
        ("summary, text ,summary", ["text", "summary"]),  # spaces and repeats forgiven; the Document's order
        (",".join(DOCUMENT_FIELDS), list(DOCUMENT_FIELDS)),
    ],
)
def test_fields_trims_the_json(client: FlaskClient, fields: str, expected: list[str]) -> None:
    whole = _upload(client).get_json()
    trimmed = _upload(client, query=f"?fields={fields}").get_json()
    assert list(trimmed) == expected
    assert trimmed == {name: whole[name] for name in expected}


@pytest.mark.parametrize(("fields", "named"), [("text,body", "'body'"), ("title", "'title'"), ("", "at least one")])
def test_an_unknown_field_is_422_and_named(client: FlaskClient, fields: str, named: str) -> None:
    response = _upload(client, query=f"?fields={fields}")
    assert response.status_code == 422
    problem = response.get_json()
    assert problem["type"].endswith("/invalid-options")
    assert named in problem["errors"]["fields"][0]


def test_fields_do_not_change_the_plain_text(client: FlaskClient) -> None:
    plain = _upload(client, query="?fields=metadata", accept="text/plain")
    assert plain.get_data(as_text=True) == _upload(client).get_json()["text"] + "\n"
