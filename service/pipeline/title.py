"""Stage 3, the title and the document number, from the first source that has them (in order)."""

from __future__ import annotations

import re

from service.pipeline.article import Article, Metadata, Options, Span, evolve
from service.pipeline.filename import parse_file_name

MAX_TITLE = 60  # characters: a longer first line is a paragraph, not a title
_SENTENCE_END = re.compile(r"[。！？；，：,;:!?]$")
_SITE_SUFFIX = re.compile(r"\s*(?:[-_|｜—–]+|——)\s*")  # `标题 - 新华网`, `标题_中国政府网`


def extract_title(article: Article, options: Options) -> Article:
    metadata = article.metadata
    source = article.source
    upload_name = parse_file_name(article.upload.filename) if article.upload.filename else None
    named = upload_name if upload_name and upload_name.title else None
    # The file-name line that led the upload: the corpus's own title and number.
    if source.name_line:
        line = parse_file_name(source.name_line)
        if line is not None:
            title = line.title or (named.title if named else None)
            number = line.number if line.number is not None else (named.number if named else None)
            return _with(article, metadata, title, "name-line", number)
    number = named.number if named else None
    # A page: its first <h1>, else its <title> without the site's name.
    if source.format == "html-document":
        if source.headline:
            return _with(article, metadata, source.headline, "h1", number)
        if source.page_title:
            parts = [part for part in _SITE_SUFFIX.split(source.page_title) if part]
            return _with(article, metadata, max(parts, key=len, default=None), "title-tag", number)
    # The upload's own name, when it carries the corpus's numbered form (`225市场….txt`).
    if named and named.number is not None:
        return _with(article, metadata, named.title, "file-name", number)
    # The first line, when it reads as a title: short, not a sentence, with text after it.
    if len(article.paragraphs) > 1:
        first = article.paragraphs[0]
        line = article.text[first.start : first.end]
        if len(line) <= MAX_TITLE and not _SENTENCE_END.search(line):
            return _with(article, metadata, line, "first-line", number, span=first)
    # The upload's own name, unnumbered.
    if named:
        return _with(article, metadata, named.title, "file-name", number)
    return article


def _with(
    article: Article,
    metadata: Metadata,
    title: str | None,
    rule: str,
    number: int | None,
    *,
    span: Span | None = None,
) -> Article:
    if span is None and title:
        start = article.text.find(title)
        span = Span(start, start + len(title)) if start >= 0 else None
    metadata = evolve(metadata, title=title, title_source=rule if title else None, doc_number=number, title_span=span)
    return evolve(article, metadata=metadata)
