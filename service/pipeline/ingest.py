"""Stage 1, bytes to text: a BOM, then a declared charset, then verified detection (see encoding.py)."""

from __future__ import annotations

from service.errors import EmptyDocument
from service.pipeline.article import Article, Options, evolve
from service.pipeline.encoding import decode_bytes


def decode(article: Article, options: Options) -> Article:
    body = article.upload.body
    if not body.strip(b" \t\r\n\x0b\x0c"):
        raise EmptyDocument("The upload is empty.")
    decoded = decode_bytes(body, article.upload.declared_charset)
    source = evolve(
        article.source,
        encoding=decoded.encoding,
        encoding_method=decoded.method,  # type: ignore[arg-type]
        encoding_confidence=decoded.confidence,
        filename=article.upload.filename,
        size=len(body),
    )
    return evolve(article, source=source, raw_text=decoded.text, warnings=(*article.warnings, *decoded.warnings))
