"""The pipeline: one `Article` passed through every stage in order.

Each stage is a pure function `(Article, Options) -> Article`. The order lives here, in one
tuple; adding a stage is one line here and one test module. `process` checks that every stage
returns an `Article` (as spaCy's `Language.__call__` does) and records how long each took.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from service.pipeline import (
    cleaning,
    dates,
    doctype,
    fingerprint,
    ingest,
    keywords,
    meeting,
    organizations,
    people,
    places,
    reference_numbers,
    segmenting,
    summary,
    title,
)
from service.pipeline.article import Article, Options, Upload

Stage = Callable[[Article, Options], Article]

STAGES: tuple[tuple[str, Stage], ...] = (
    ("ingest", ingest.decode),  # bytes -> str: BOM, declared charset, detection
    ("cleaning", cleaning.clean),  # str -> text and paragraphs; placeholders, redactions
    ("title", title.extract_title),  # file-name line, upload name, first line
    ("segmenting", segmenting.segment),  # the one word and sentence pass later stages read
    ("dates", dates.extract_dates),
    ("people", people.extract_people),
    ("organizations", organizations.extract_organizations),
    ("places", places.extract_places),
    ("reference_numbers", reference_numbers.extract_reference_numbers),  # 国发〔2019〕12号
    ("meeting", meeting.extract_meeting),
    ("doctype", doctype.classify),
    ("keywords", keywords.extract_keywords),
    ("summary", summary.summarize),
    ("fingerprint", fingerprint.fingerprint),
)


class StageContractError(TypeError):
    """A stage returned something other than an Article: a programming error, not bad input."""


def process(upload: Upload, options: Options | None = None) -> Article:
    """Run every stage over one upload and return the finished article."""
    options = options or Options()
    article = Article(upload=upload)
    for name, stage in STAGES:
        started = time.perf_counter()
        result = stage(article, options)
        if not isinstance(result, Article):
            raise StageContractError(f"stage {name!r} returned {type(result).__name__}, not Article")
        result.timings[name] = time.perf_counter() - started
        article = result
    return article
