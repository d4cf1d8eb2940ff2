"""Stage `meeting`: not built yet; returns the article unchanged so every field is present."""

from __future__ import annotations

from service.pipeline.article import Article, Options


def extract_meeting(article: Article, options: Options) -> Article:
    return article
