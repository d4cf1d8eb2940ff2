"""The pipeline: one `Article` passed through every stage in order.

Each stage is a pure function `(Article, Options) -> Article`. The order lives here, in one
tuple; adding a stage is one line here and one test module. `process` checks that every stage
returns an `Article` (as spaCy's `Language.__call__` does), records how long each took, and
checks the document's time budget (service/budget.py) between stages.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from flask import Flask

from service import budget
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
    ("content_words", keywords.choose),  # the candidates keywords, summary and fingerprint read
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
    with budget.document_budget():
        for name, stage in STAGES:
            budget.check(name)
            started = time.perf_counter()
            result = stage(article, options)
            if not isinstance(result, Article):
                raise StageContractError(f"stage {name!r} returned {type(result).__name__}, not Article")
            result.timings[name] = time.perf_counter() - started
            article = result
    return article


# A short report that takes every stage down its main path: a file-name line, a date, a person
# with roles, organizations, a place, a meeting format and a redaction.
_WARM_UP = (
    "1国务院召开常务会议.txt\n"
    "<div><span>　　2019年6月6日上午，国务院在京召开常务会议。国务院总理李克强主持会议，"
    "中央第一指导组组长**出席。会议以电视电话会议形式召开，共800余人参加会议。</span></div>"
).encode()


def warm_up() -> None:
    """Run the pipeline once so that every pattern a stage builds on first use is built now:
    in the master before gunicorn forks, not in each worker's first request."""
    process(Upload(_WARM_UP, filename="warm-up.txt"))


def init_app(app: Flask) -> None:
    warm_up()
