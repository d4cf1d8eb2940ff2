"""Who may call, what every response says about itself, and names that are safe to echo.

- Optional bearer API keys: off while no key is configured (local use); once keys are given
  (`WENJI_API_KEYS`, or `WENJI_API_KEYS_FILE` with one key a line), every path except the open
  ones (`WENJI_OPEN_PATHS`: probes and metrics; `/` alone opens only `/`) needs `Authorization: Bearer <key>`, or gets a
  401 problem with `WWW-Authenticate`. Keys are compared in constant time, through their SHA-256
  digests so that neither a key's length nor which key matched shows in the timing.
- Security headers on every response, errors included: no MIME sniffing, no framing, no
  referrer, and a Content-Security-Policy that allows nothing for API responses and only
  same-origin scripts and styles for `/docs` (the page has no inline script; keep it so).
- CORS stays off unless `WENJI_CORS_ORIGINS` names the browser origins that may call.
- `safe_filename`: an upload's name is only ever data: the last path component, with control,
  format (zero-width, bidi) and surrogate characters removed, bounded in length.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from pathlib import Path

from flask import Flask, Response, current_app, request

from service.config import Settings
from service.errors import Unauthorized

# The policy of every response but the docs page: JSON and YAML need nothing from a browser.
API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
# Swagger UI: its bundle, its style sheet and our init script, all same-origin; the spec is
# fetched from this origin; swagger-ui.css draws its icons with data: SVGs.
DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # for browsers that predate CSP's frame-ancestors
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
MAX_FILENAME_CHARS = 255  # what common file systems allow for one name
_SEPARATORS = re.compile(r"[/\\]")
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})  # controls, zero-width/bidi, surrogates


def init_app(app: Flask) -> None:
    settings: Settings = app.config["SETTINGS"]
    app.extensions["wenji.api_keys"] = tuple(_digest(key) for key in load_api_keys(settings))
    app.extensions["wenji.cors_origins"] = tuple(o.strip() for o in settings.cors_origins.split(",") if o.strip())
    if app.extensions["wenji.api_keys"]:  # with no key configured every request passes: nothing to check
        app.before_request(_require_api_key)
    app.after_request(_secure_headers)


# ---- API keys -------------------------------------------------------------------------------


def load_api_keys(settings: Settings) -> list[str]:
    """The configured keys: from WENJI_API_KEYS (comma-separated) and WENJI_API_KEYS_FILE."""
    keys = [key.strip() for key in settings.api_keys.split(",")]
    if settings.api_keys_file:
        lines = Path(settings.api_keys_file).read_text(encoding="utf-8").splitlines()
        keys += [line.strip() for line in lines if not line.lstrip().startswith("#")]
    return [key for key in keys if key]


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8")).digest()


def is_open_path(path: str, open_paths: str) -> bool:
    for entry in (p.strip() for p in open_paths.split(",")):
        if entry and (path == entry or (len(entry) > 1 and entry.endswith("/") and path.startswith(entry))):
            return True
    return False


def _require_api_key() -> None:
    digests: tuple[bytes, ...] = current_app.extensions["wenji.api_keys"]
    if not digests or request.method == "OPTIONS":  # off; or a CORS preflight, which carries no key
        return
    if is_open_path(request.path, current_app.config["SETTINGS"].open_paths):
        return
    scheme, _, offered = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not offered.strip():
        problem = Unauthorized("This service needs an API key: send 'Authorization: Bearer <key>'.")
        problem.headers["WWW-Authenticate"] = 'Bearer realm="wenji"'
        raise problem
    given = _digest(offered.strip())
    matched = False
    for digest in digests:  # every key is compared, so the time does not say which one matched
        matched |= hmac.compare_digest(given, digest)
    if not matched:
        problem = Unauthorized("The API key is not valid.")
        problem.headers["WWW-Authenticate"] = 'Bearer realm="wenji", error="invalid_token"'
        raise problem


# ---- response headers -----------------------------------------------------------------------


def _secure_headers(response: Response) -> Response:
    # One pass over the few headers the answer has so far, then appends: werkzeug's setdefault
    # and `in` each scan and lower-case the whole list again (~14 -> ~5 µs a request).
    headers = response.headers
    present = {name.lower() for name, _ in headers}
    for name, value in HEADERS.items():
        if name.lower() not in present:
            headers.add(name, value)
    path = request.path
    if "content-security-policy" not in present:  # a page that sets its own keeps it
        headers.add("Content-Security-Policy", DOCS_CSP if path == "/docs" else API_CSP)
    if path.startswith("/v1/"):  # documents are nobody's to keep: no shared or browser cache
        if "cache-control" in present:
            headers["Cache-Control"] = "no-store"
        else:
            headers.add("Cache-Control", "no-store")
    allowed: tuple[str, ...] = current_app.extensions["wenji.cors_origins"]
    if allowed:
        _cors(response, allowed)
    return response


def _cors(response: Response, allowed: tuple[str, ...]) -> None:
    origin = request.headers.get("Origin")
    if not origin:
        return
    response.vary.add("Origin")
    if "*" not in allowed and origin not in allowed:
        return
    response.headers["Access-Control-Allow-Origin"] = origin
    response.headers["Access-Control-Expose-Headers"] = "X-Request-ID, Retry-After"
    if request.method == "OPTIONS" and request.headers.get("Access-Control-Request-Method"):
        response.headers["Access-Control-Allow-Methods"] = "GET, POST"
        response.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type, X-Request-ID"
        response.headers["Access-Control-Max-Age"] = "600"


# ---- names from clients ---------------------------------------------------------------------


def safe_filename(name: str | None) -> str | None:
    """The name an upload says it has, made safe to store and echo; None if nothing is left.

    It is never used as a path: only the last component is kept (so `../../etc/passwd` is
    `passwd`), control, zero-width, bidi and surrogate characters go, and it is cut to 255
    characters keeping a short extension.
    """
    if not name:
        return None
    base = _SEPARATORS.split(name)[-1]
    if not base.isprintable():  # every unsafe category is unprintable, so a printable name has none to remove
        base = "".join(ch for ch in base if unicodedata.category(ch) not in _UNSAFE_CATEGORIES)
    base = base.strip()
    if base in {"", ".", ".."}:
        return None
    if len(base) > MAX_FILENAME_CHARS:
        stem, dot, extension = base.rpartition(".")
        if dot and 0 < len(extension) <= 16:
            base = stem[: MAX_FILENAME_CHARS - len(extension) - 1] + "." + extension
        else:
            base = base[:MAX_FILENAME_CHARS]
    return base
