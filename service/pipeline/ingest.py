"""Stage 1, bytes to text: a BOM, then a declared charset, then detection."""

from __future__ import annotations

import codecs
from dataclasses import replace

from charset_normalizer import from_bytes

from service.errors import BinaryContent, EmptyDocument, UndecodableContent
from service.pipeline.article import Article, Options

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(article: Article, options: Options) -> Article:
    body = article.upload.body
    if not body.strip():
        raise EmptyDocument("The upload is empty.")
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            text = body[len(bom) :].decode(encoding, errors="replace")
            return _decoded(article, text, encoding, "bom", 1.0)
    declared = article.upload.declared_charset
    if declared:
        try:
            text = body.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            return _decoded(article, text, codecs.lookup(declared).name, "declared", 1.0)
    try:
        return _decoded(article, body.decode("utf-8"), "utf-8", "detected", 1.0)
    except UnicodeDecodeError:
        pass
    best = from_bytes(body).best()
    if best is None:
        raise BinaryContent("No text encoding decodes this upload.")
    if best.encoding is None:
        raise UndecodableContent("The text encoding cannot be decided.")
    return _decoded(article, str(best), best.encoding, "detected", 1.0 - best.chaos)


def _decoded(article: Article, text: str, encoding: str, method: str, confidence: float) -> Article:
    if "\x00" in text[:4096]:
        raise BinaryContent("The upload contains NUL bytes: it is not a text document.")
    source = replace(
        article.source,
        encoding=encoding.replace("_", "-"),
        encoding_method=method,  # type: ignore[arg-type]
        encoding_confidence=round(confidence, 3),
        filename=article.upload.filename,
        size=len(article.upload.body),
    )
    return replace(article, source=source, raw_text=text)
