"""Summary: whole sentences of the text, in order, the lead favoured, linear in the text's length."""

from __future__ import annotations

import time

import pytest

from service.pipeline import process
from service.pipeline.article import Options, Upload
from tests.conftest import read_seed
from tests.pipeline.conftest import SEEDS, analysed


@pytest.mark.parametrize("name", SEEDS)
def test_whole_sentences_from_the_text_in_order(name):
    article = analysed(name)
    summary = article.summary
    assert len(summary) == 3
    assert [s.start for s in summary] == sorted(s.start for s in summary)
    for sentence in summary:
        assert article.text[sentence.start : sentence.end] == sentence.text
        assert sentence in article.sentences or any(
            (s.start, s.end) == (sentence.start, sentence.end) for s in article.sentences
        )
        assert sentence.text[-1] in "。！？；”’」』）)"
    assert max(s.score for s in summary) == 1.0


@pytest.mark.parametrize("name", SEEDS)
def test_a_news_lead_is_kept(name):
    article = analysed(name)
    if article.metadata.document_type != "news":
        pytest.skip("speeches have no news lead")
    first = next(s for s in article.sentences if s.text.endswith("。") and len(s.text) > 15)
    assert article.summary[0].start <= first.start or article.summary[0] == first


@pytest.mark.parametrize("limit", [0, 1, 5])
def test_the_number_asked_for(limit):
    assert len(analysed(SEEDS[0], Options(summary=limit)).summary) == limit


def _seconds_per_kb(body: bytes) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        process(Upload(body), Options(keywords_method="textrank"))
        best = min(best, time.perf_counter() - started)
    return best / (len(body) / 1024)


@pytest.mark.slow
def test_cost_per_kb_stays_flat_up_to_a_megabyte():
    text = "\n".join(read_seed(name).decode("utf-8").split("\n", 1)[1] for name in SEEDS).encode("utf-8")
    small = (text * 2)[: 10 * 1024]
    large = text * (1024 * 1024 // len(text))
    assert _seconds_per_kb(large) <= 1.5 * _seconds_per_kb(small) * 1.5  # 1.5x, with room for a noisy machine
