"""GET /: a page that shows what the service extracts, every fact highlighted at its offsets.

The page is one template and two static files (inspect.css, inspect.js): no build chain, no CDN.
It sends the document only to POST /v1/documents on this service and stores nothing. Its own
Content-Security-Policy is set here, on the page's response, so the page is held to it whatever
the rest of the app sends; the script and styles are written to need no 'unsafe-inline'.
"""

from __future__ import annotations

from flask import Blueprint, Response, make_response, render_template

blueprint = Blueprint("inspect", __name__)

# Everything from this origin only; data: images for nothing but the browser's own icons;
# no framing (the page holds no secrets, but there is no reason to be clickjacked either).
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


@blueprint.get("/")
def page() -> Response:
    response = make_response(render_template("inspect.html"))
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response
