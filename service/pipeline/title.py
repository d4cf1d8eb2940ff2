"""The title and document number: from the file-name line, the upload's name, or the first line."""

from __future__ import annotations

import re
from dataclasses import replace

from service.pipeline.article import Article, Options

_NAME = re.compile(r"^(?P<number>\d+)?(?P<title>.+?)(?:\.(?:txt|docx?|html?))?$", re.IGNORECASE)


def extract_title(article: Article, options: Options) -> Article:
    metadata = article.metadata
    line = article.source.name_line
    if line:
        match = _NAME.match(line)
        if match:
            number = match.group("number")
            metadata = replace(
                metadata,
                title=match.group("title").strip(),
                title_source="name-line",
                doc_number=int(number) if number else None,
            )
    elif article.source.format == "plain" and article.paragraphs:
        first = article.paragraphs[0]
        metadata = replace(metadata, title=article.text[first.start : first.end], title_source="first-line")
    return replace(article, metadata=metadata)
