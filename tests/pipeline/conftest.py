"""Fixtures for the stage tests: one segmenter for the session, seeds run through the pipeline,
and snippets made into articles (the text as cleaning would leave it, segmented once, no title)."""

from __future__ import annotations

from functools import cache

import pytest

from service import resources
from service.lexicons import Lexicons
from service.pipeline import organizations, process, segmenting
from service.pipeline.article import Article, Options, Person, Span, Upload
from service.pipeline.people import find_people
from service.pipeline.places import find_places
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


def people(text: str, lexicons: Lexicons) -> dict[str, Person]:
    """The people stage's finds in a snippet, by name."""
    article = snippet(text)
    return {p.name: p for p in find_people(article.text, article.tokens, lexicons)}


def places(text: str, lexicons: Lexicons) -> list[str]:
    """The places stage's names in a snippet, in order."""
    article = snippet(text)
    return [e.name for e in find_places(article.text, article.tokens, lexicons)]


def organization_names(text: str) -> list[str]:
    """The organizations stage's names in a snippet, in order."""
    article = snippet(text)
    found = organizations.find_organizations(article.simplified, article.tokens, resources.get().lexicons)
    return [entity.name for entity in found]


def assert_person(text: str, name: str, roles: tuple[str, ...], lexicons: Lexicons) -> None:
    """The people stage finds `name` in `text` with exactly `roles`, every mention on the name."""
    found = people(text, lexicons)
    assert name in found, sorted(found)
    assert found[name].roles == roles
    for mention in found[name].mentions:
        assert text[mention.start : mention.end] == name


def assert_no_people(text: str, wrong: list[str], lexicons: Lexicons) -> None:
    """None of `wrong` is a person the people stage finds in `text`."""
    found = people(text, lexicons)
    assert not set(wrong) & set(found), sorted(found)
