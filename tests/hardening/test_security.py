"""API keys, security headers, CORS, and what stays out of the logs."""

from __future__ import annotations

import logging
import sys
import unicodedata
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from contract import check_response
from service.app import create_app
from service.config import Settings
from service.security import API_CSP, DOCS_CSP, safe_filename

ARTICLE = "会议在北京召开。\n与会人员认真学习了文件精神。"
KEY, OTHER = "k3y-0ne-1234567890", "k3y-tw0-abcdefghij"


def _client(**settings: object):
    return create_app(Settings(testing=True, **settings)).test_client()  # type: ignore[arg-type]


def _checked(response):
    request = response.request
    check_response(request.method, request.path, response.status_code, response.mimetype or "", response.data)
    return response


# ---- API keys -----------------------------------------------------------------------------------


def test_keys_are_off_by_default() -> None:
    assert _client().post("/v1/documents", json={"content": ARTICLE}).status_code == 200


@pytest.mark.parametrize(
    ("authorization", "error"),
    [(None, None), ("Bearer wrong-key", "invalid_token"), (f"Basic {KEY}", None), ("Bearer ", None), (KEY, None)],
)
def test_without_a_valid_key_the_answer_is_401(authorization: str | None, error: str | None) -> None:
    headers = {"Authorization": authorization} if authorization is not None else {}
    response = _checked(
        _client(api_keys=f"{KEY},{OTHER}").post("/v1/documents", json={"content": ARTICLE}, headers=headers)
    )
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["type"].endswith("/unauthorized")
    assert response.headers["WWW-Authenticate"].startswith('Bearer realm="wenji"')
    assert (f'error="{error}"' in response.headers["WWW-Authenticate"]) == bool(error)
    assert KEY not in response.get_data(as_text=True)


@pytest.mark.parametrize("key", [KEY, OTHER])
def test_any_configured_key_lets_the_request_in(key: str) -> None:
    client = _client(api_keys=f" {KEY} , {OTHER} ")
    response = client.post("/v1/documents", json={"content": ARTICLE}, headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 200
    lower = client.post("/v1/documents", json={"content": ARTICLE}, headers={"Authorization": f"bearer {key}"})
    assert lower.status_code == 200  # the scheme is case-insensitive (RFC 9110)


def test_keys_from_a_file(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    keys.write_text(f"# the batch job\n{KEY}\n\n  {OTHER}  \n", encoding="utf-8")
    client = _client(api_keys_file=str(keys))
    for key in (KEY, OTHER):
        assert client.get("/openapi.yaml", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    assert client.get("/openapi.yaml", headers={"Authorization": "Bearer # the batch job"}).status_code == 401
    assert client.get("/openapi.yaml").status_code == 401


def test_probes_stay_open_and_unknown_paths_are_not_revealed() -> None:
    client = _client(api_keys=KEY)
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/nowhere").status_code == 401  # no key, no map of what exists
    assert client.get("/healthz/../v1/documents").status_code in {401, 404}


def test_open_paths_are_their_own_setting() -> None:
    client = _client(api_keys=KEY, open_paths="/healthz,/docs,/docs/,/")
    assert client.get("/docs").status_code == 200
    assert client.get("/docs/assets/swagger-ui.css").status_code == 200
    assert client.get("/readyz").status_code == 401
    assert client.get("/docsx").status_code == 401  # a prefix only where the entry ends in /
    assert client.get("/openapi.yaml").status_code == 401  # "/" opens the root page, not everything


def test_keys_never_show_in_the_settings_repr() -> None:
    assert KEY not in repr(Settings(api_keys=KEY))


def test_the_key_compare_is_constant_time() -> None:
    # Read, not timed: timing tests of compare_digest are noise; the code must use it on digests.
    import inspect

    from service import security

    source = inspect.getsource(security._require_api_key)
    assert "hmac.compare_digest" in source and "break" not in source


# ---- headers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("POST", "/v1/documents", {"json": {"content": ARTICLE}}),
        ("POST", "/v1/documents", {"json": {"content": 5}}),
        ("GET", "/healthz", {}),
        ("GET", "/openapi.yaml", {}),
        ("GET", "/nowhere", {}),
        ("GET", "/docs/assets/swagger-ui-bundle.js", {}),
    ],
)
def test_every_response_carries_the_security_headers(method: str, path: str, kwargs: dict) -> None:
    response = _client().open(path, method=method, **kwargs)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Content-Security-Policy"] == API_CSP
    assert "Access-Control-Allow-Origin" not in response.headers
    if path.startswith("/v1/"):
        assert response.headers["Cache-Control"] == "no-store"


def test_the_docs_page_allows_only_same_origin_scripts_and_has_none_inline() -> None:
    response = _client().get("/docs")
    csp = response.headers["Content-Security-Policy"]
    assert csp == DOCS_CSP
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    page = response.get_data(as_text=True)
    for script in page.split("<script")[1:]:
        assert script.lstrip().startswith("src="), "inline script on /docs"
        assert "></script>" in script and script.split(">", 1)[1].startswith("</script>")
    assert "http://" not in page and "https://" not in page  # no CDN


def test_an_unhandled_error_has_the_headers_too(failing_client: FlaskClient) -> None:
    response = failing_client.get("/boom")
    assert response.status_code == 500
    assert response.headers["X-Content-Type-Options"] == "nosniff"


# ---- CORS ----------------------------------------------------------------------------------------


def test_cors_is_off_unless_configured() -> None:
    response = _client().post("/v1/documents", json={"content": ARTICLE}, headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_allows_only_the_configured_origins() -> None:
    client = _client(cors_origins="https://app.example, https://other.example")
    allowed = client.post("/v1/documents", json={"content": ARTICLE}, headers={"Origin": "https://app.example"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://app.example"
    assert "Origin" in allowed.headers["Vary"]
    assert "X-Request-ID" in allowed.headers["Access-Control-Expose-Headers"]
    refused = client.post("/v1/documents", json={"content": ARTICLE}, headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in refused.headers


def test_a_preflight_needs_no_key_and_names_what_is_allowed() -> None:
    client = _client(cors_origins="https://app.example", api_keys=KEY)
    response = client.options(
        "/v1/documents",
        headers={
            "Origin": "https://app.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "https://app.example"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in response.headers["Access-Control-Allow-Headers"]
    # ... but the request itself still needs its key
    assert (
        client.post("/v1/documents", json={"content": ARTICLE}, headers={"Origin": "https://app.example"}).status_code
        == 401
    )


# ---- logs ----------------------------------------------------------------------------------------


def test_no_document_text_and_no_key_in_the_logs(caplog: pytest.LogCaptureFixture) -> None:
    app: Flask = create_app(Settings(testing=True, api_keys=KEY))
    secret_text = "绝密会议内容不得外传"

    @app.post("/boom")
    def boom() -> str:
        from flask import request

        raise UnicodeDecodeError("utf-8", request.get_data(), 0, 1, "invalid start byte")

    caplog.set_level(logging.DEBUG)
    client = app.test_client()
    client.post("/boom", data=secret_text.encode(), headers={"Authorization": f"Bearer {KEY}"})
    client.post("/v1/documents", json={"content": secret_text}, headers={"Authorization": f"Bearer {KEY}"})
    client.post("/v1/documents", json={"content": secret_text}, headers={"Authorization": "Bearer wrong"})
    logged = "\n".join(record.getMessage() + str(record.exc_info or "") for record in caplog.records)
    assert "UnicodeDecodeError" in logged  # the failure is logged, with where it happened
    assert secret_text not in logged and secret_text.encode() not in logged.encode()
    assert repr(secret_text.encode())[2:20] not in logged
    assert KEY not in logged


# ---- file names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        (None, None),
        ("", None),
        ("a.txt", "a.txt"),
        ("dir/sub/a.txt", "a.txt"),
        ("C:\\Users\\x\\a.txt", "a.txt"),
        ("a.txt/", None),
        ("\u200b\u202e", None),
        ("\ud800a.txt", "a.txt"),
        ("国务院\u200b会议\x00.txt", "国务院会议.txt"),
        ("国务院 会议.txt", "国务院 会议.txt"),
        ("x" * 300, "x" * 255),
        ("x" * 300 + ".docx", "x" * 250 + ".docx"),
    ],
)
def test_safe_filename(name: str | None, safe: str | None) -> None:
    assert safe_filename(name) == safe


def test_every_unsafe_character_is_unprintable() -> None:
    # safe_filename skips its per-character filter for a printable name; this is why that is sound.
    unsafe = {"Cc", "Cf", "Cs", "Co", "Cn"}
    characters = map(chr, range(sys.maxunicode + 1))
    assert not any(ch.isprintable() for ch in characters if unicodedata.category(ch) in unsafe)
