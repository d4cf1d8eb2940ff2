"""The naive reference the benchmark measures wenji against, as issue 8 describes it.

What a first Flask service on jieba looks like: BeautifulSoup with the stdlib `html.parser`,
then `jieba.posseg` with HMM for words and tags, then `jieba.analyse.extract_tags` for keywords,
each of which segments the text again. `keywords_method=textrank` adds jieba's TextRank, which
segments and tags once more. Nothing is shared between the passes and nothing is cached beyond
what jieba caches itself. It is a yardstick, not a product: do not improve it.

`create_app()` serves it as POST /v1/documents (multipart `file` part, a raw body also works) with
/healthz and /readyz, so `bench/run.py` can load it through the same gunicorn.conf.py as wenji:

    gunicorn -c gunicorn.conf.py 'bench.naive:create_app()'
"""

from __future__ import annotations

import logging
from typing import Any

import jieba
import jieba.analyse
import jieba.posseg
from bs4 import BeautifulSoup
from flask import Flask, jsonify, request

jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict" chatter on stderr


def initialize() -> None:
    """Load jieba's dictionary now (from its cache in /tmp after the first time), not on the first request."""
    jieba.initialize()


def decode(body: bytes) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return body.decode("gb18030", errors="replace")


def extract_paragraphs(body: bytes) -> list[str]:
    soup = BeautifulSoup(decode(body), "html.parser")
    return [line.strip() for line in soup.get_text("\n").splitlines() if line.strip()]


def process(body: bytes, *, keywords: int = 10, keywords_method: str = "tfidf") -> dict[str, Any]:
    """One upload through the naive pipeline: text, words with tags, keywords."""
    paragraphs = extract_paragraphs(body)
    text = "\n".join(paragraphs)
    words = [(pair.word, pair.flag) for pair in jieba.posseg.lcut(text, HMM=True)]
    people = sorted({word for word, flag in words if flag == "nr"})
    places = sorted({word for word, flag in words if flag == "ns"})
    if keywords_method == "textrank":
        ranked = jieba.analyse.textrank(text, topK=keywords, withWeight=True)
    else:
        ranked = jieba.analyse.extract_tags(text, topK=keywords, withWeight=True)
    return {
        "title": paragraphs[0] if paragraphs else None,
        "text": text,
        "paragraphs": len(paragraphs),
        "words": len(words),
        "people": people,
        "places": places,
        "keywords": [{"word": word, "weight": weight} for word, weight in ranked],
    }


def create_app() -> Flask:
    app = Flask(__name__)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    initialize()

    @app.post("/v1/documents")
    def create_document():  # type: ignore[no-untyped-def]
        part = request.files.get("file")
        body = part.read() if part is not None else request.get_data()
        method = request.args.get("keywords_method", "tfidf")
        return jsonify(process(body, keywords=int(request.args.get("keywords", 10)), keywords_method=method))

    @app.get("/healthz")
    def healthz():  # type: ignore[no-untyped-def]
        return {"status": "ok"}

    @app.get("/readyz")
    def readyz():  # type: ignore[no-untyped-def]
        return {"status": "ready"}

    return app
