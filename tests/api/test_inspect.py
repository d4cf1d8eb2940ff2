"""GET /: the inspect page and its assets are served, under a CSP that needs no 'unsafe-inline'."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT
from contract import check_response
from service.api.inspect import CONTENT_SECURITY_POLICY

STATIC = ROOT / "service" / "static"
FIXTURE = ROOT / "tests" / "data" / "document_000.json"


class _Page(HTMLParser):
    """What matters for CSP and for a page that talks only to its own service."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.stylesheets: list[str] = []
        self.inline: list[str] = []  # style attributes, <style> and on* handlers
        self.urls: list[str] = []
        self.ids: set[str] = set()
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.ids.update(value for name, value in attrs if name == "id" and value)
        self.inline += [f"{tag} {name}" for name, _ in attrs if name == "style" or name.startswith("on")]
        self.urls += [value for name, value in attrs if name in {"src", "href", "action"} and value]
        if tag == "style":
            self.inline.append("<style>")
        if tag == "script":
            self.scripts.append(attributes)
            self._in_script = True
        if tag == "link" and attributes.get("rel") == "stylesheet":
            self.stylesheets.append(attributes["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = self._in_script and tag != "script"

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline.append("inline script")


def _page(client) -> tuple[object, _Page]:
    response = client.get("/")
    parser = _Page()
    parser.feed(response.data.decode("utf-8"))
    return response, parser


def test_the_page_is_served_with_its_csp(client) -> None:
    response, _ = _page(client)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    policy = response.headers["Content-Security-Policy"]
    assert policy == CONTENT_SECURITY_POLICY
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["connect-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_the_page_has_no_inline_script_or_style(client) -> None:
    _, page = _page(client)
    assert page.inline == []
    assert page.scripts and all(script.get("src") for script in page.scripts)


def test_the_page_uses_only_its_own_assets(client) -> None:
    _, page = _page(client)
    for url in page.urls:
        # Same origin only: no CDN, no absolute or protocol-relative URL (data: is the empty favicon).
        assert (url.startswith("/") and not url.startswith("//")) or url == "data:,", url
    for asset in [script["src"] for script in page.scripts] + page.stylesheets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert response.data


def test_the_assets_have_their_types(client) -> None:
    assert client.get("/static/inspect.js").mimetype in {"text/javascript", "application/javascript"}
    assert client.get("/static/inspect.css").mimetype == "text/css"


def test_the_page_posts_to_the_documents_endpoint(client) -> None:
    response, page = _page(client)
    assert 'data-endpoint="/v1/documents"' in response.data.decode("utf-8")
    # The script looks these up by id; a renamed element would break the page in silence.
    script = (STATIC / "inspect.js").read_text(encoding="utf-8")
    wanted = set(re.findall(r'\$\("([a-z-]+)"\)', script))
    assert wanted and wanted <= page.ids, wanted - page.ids


def test_the_script_never_writes_html() -> None:
    # Document text reaches the page through textContent and text nodes only (no XSS through an article).
    script = re.sub(r"//[^\n]*", "", (STATIC / "inspect.js").read_text(encoding="utf-8"))  # code, not comments
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink
    # Nor does it set style attributes in markup: CSSOM only, which style-src 'self' allows.
    assert 'setAttribute("style"' not in script and "cssText" not in script


def test_the_hand_made_response_the_browser_test_draws_is_a_valid_document() -> None:
    document = json.loads(Path(FIXTURE).read_text(encoding="utf-8"))["document"]
    check_response("POST", "/v1/documents", 200, "application/json", json.dumps(document).encode("utf-8"))
    text = document["text"]
    for person in document["metadata"]["people"]:
        assert all(text[o["start"] : o["end"]] == person["name"] for o in person["offsets"])
    assert text[0:4] == document["metadata"]["event_date"]["text"]
