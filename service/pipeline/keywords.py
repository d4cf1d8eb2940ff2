"""Stage `keywords`: not built yet; returns the article unchanged so every field is present."""

from __future__ import annotations

from service.pipeline.article import Article, Options


def extract_keywords(article: Article, options: Options) -> Article:
    return article
