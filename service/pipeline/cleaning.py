"""Stage 2, raw text to clean paragraphs: markup, layout whitespace and placeholders go."""

from __future__ import annotations

import re
from dataclasses import replace

from bs4 import BeautifulSoup

from service.errors import EmptyDocument
from service.pipeline.article import Article, Options, Redaction, Span

_DOCUMENT = re.compile(r"<\s*(html|head|body)\b", re.IGNORECASE)
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_NAME_LINE = re.compile(r"^\s*(\d+)?(.+?)\.(txt|docx?|html?)\s*$", re.IGNORECASE)
_LAYOUT_SPACE = re.compile(r"[\s\u3000\u00a0\u200b\u200c\u200d\ufeff]+")
_REDACTION = re.compile(r"[*＊]+(?:[.．][*＊]+)*")


def clean(article: Article, options: Options) -> Article:
    raw = article.raw_text
    lines = raw.split("\n", 1)
    name_line = None
    if _NAME_LINE.match(lines[0]):
        name_line, raw = lines[0].strip(), (lines[1] if len(lines) > 1 else "")
    if _DOCUMENT.search(raw):
        fmt = "html-document"
    elif _TAG.search(raw):
        fmt = "html-fragment"
    else:
        fmt = "plain"
    if fmt == "plain":
        blocks = raw.splitlines()
    else:
        soup = BeautifulSoup(raw, "lxml")
        blocks = soup.get_text("\n").splitlines()
    paragraphs = [_LAYOUT_SPACE.sub(" ", block).strip() for block in blocks]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise EmptyDocument("The document has no text once markup is removed.")
    text = "\n".join(paragraphs)
    spans, offset = [], 0
    for paragraph in paragraphs:
        spans.append(Span(offset, offset + len(paragraph)))
        offset += len(paragraph) + 1
    redactions = tuple(Redaction(m.group(), m.start(), m.end()) for m in _REDACTION.finditer(text))
    metadata = replace(article.metadata, redactions=redactions)
    source = replace(article.source, format=fmt, name_line=name_line)  # type: ignore[arg-type]
    return replace(article, source=source, text=text, analysis_text=text, paragraphs=tuple(spans), metadata=metadata)
