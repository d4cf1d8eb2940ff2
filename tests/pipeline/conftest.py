"""Fixtures for the stage tests: one segmenter for the session, seeds run through the pipeline,
and snippets made into articles (the text as cleaning would leave it, segmented once, no title)."""

from __future__ import annotations

from functools import cache

import pytest

from service import resources
from service.lexicons import Lexicons
from service.pipeline import process, segmenting
from service.pipeline.article import Article, Options, Span, Upload
from service.segmenter import Segmenter
from tests.conftest import read_seed, seed_names


@pytest.fixture(scope="session")
def segmenter() -> Segmenter:
    return resources.get().segmenter


@pytest.fixture(scope="session")
def lexicons() -> Lexicons:
    return resources.get().lexicons


@cache
def analysed(name: str, options: Options | None = None) -> Article:
    """A seed article through the whole pipeline (cached: stages are pure)."""
    return process(Upload(read_seed(name), filename=name), options or Options())


def snippet(text: str) -> Article:
    """An article whose cleaned text is `text`: one paragraph per line, segmented."""
    spans, offset = [], 0
    for line in text.split("\n"):
        spans.append(Span(offset, offset + len(line)))
        offset += len(line) + 1
    article = Article(upload=Upload(text.encode()), text=text, analysis_text=text, paragraphs=tuple(spans))
    return segmenting.segment(article, Options())


SEEDS = seed_names()
