"""The segmentation floor over HTTP: what a service that stops after one segmentation pass serves.

Issue 8 calls one shared segmentation and tagging pass the floor of this job. This service is that
floor and nothing more: the same upload reading as the naive reference (multipart `file` part, or
the raw body), then wenji's own first stages (decode, clean, title, segment with the shipped
dictionary), and a small JSON answer. No dates, people, organizations, places, meeting, keywords,
summary or fingerprint, no request ids, metrics or access log. Loaded by `bench/run.py` through the
same gunicorn.conf.py as wenji, its requests/s is a ceiling the whole pipeline cannot pass on this
machine, and its ratio to the naive service shows how much room a ratio goal leaves.

    gunicorn -c gunicorn.conf.py 'bench.floor:create_app()'
"""

from __future__ import annotations

import orjson
from flask import Flask, Response, request

from service import resources
from service.pipeline import STAGES
from service.pipeline.article import Article, Options, Upload

FLOOR_STAGES = ("ingest", "cleaning", "title", "segmenting")
_STAGES = tuple(stage for name, stage in STAGES if name in FLOOR_STAGES)


def process(body: bytes, filename: str | None = None) -> Article:
    """One upload through the floor stages only."""
    article, options = Article(upload=Upload(body, filename=filename)), Options()
    for stage in _STAGES:
        article = stage(article, options)
    return article


def create_app() -> Flask:
    app = Flask(__name__)
    resources.get()  # the dictionaries, loaded in the master before gunicorn forks, as wenji does
    process("1热身.txt\n<div><span>　　国务院召开常务会议。</span></div>".encode())  # build lazy patterns now

    @app.post("/v1/documents")
    def create_document() -> Response:
        part = request.files.get("file")
        body = part.read() if part is not None else request.get_data()
        article = process(body, part.filename if part is not None else None)
        answer = {"title": article.metadata.title, "text": article.text, "words": len(article.tokens)}
        return Response(orjson.dumps(answer), mimetype="application/json")

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz")
    def readyz() -> dict[str, str]:
        return {"status": "ready"}

    return app
