"""Run the first stages (ingest, cleaning, title) over bytes or text, as the pipeline does."""

from __future__ import annotations

from service.pipeline import cleaning, ingest, title
from service.pipeline.article import Article, Options, Upload


def prepare(body: bytes | str, *, filename: str | None = None, charset: str | None = None) -> Article:
    if isinstance(body, str):
        body = body.encode("utf-8")
    article = Article(upload=Upload(body=body, filename=filename, declared_charset=charset))
    options = Options()
    for stage in (ingest.decode, cleaning.clean, title.extract_title):
        article = stage(article, options)
    return article


def paragraphs(article: Article) -> list[str]:
    return [article.text[span.start : span.end] for span in article.paragraphs]
