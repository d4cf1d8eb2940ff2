"""Summary: whole sentences of the text, in order, the lead favoured, linear in the text's length."""

from __future__ import annotations

import pytest

from conftest import seed_labels
from service.pipeline.article import Options
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


# News reports, by their hand labels: a speech has no news lead.
NEWS = [name for name in SEEDS if seed_labels()[name].get("document_type") == "news"]


@pytest.mark.parametrize("name", NEWS)
def test_a_news_lead_is_kept(name):
    article = analysed(name)
    first = next(s for s in article.sentences if s.text.endswith("。") and len(s.text) > 15)
    assert article.summary[0].start <= first.start or article.summary[0] == first


@pytest.mark.parametrize("limit", [0, 1, 5])
def test_the_number_asked_for(limit):
    assert len(analysed(SEEDS[0], Options(summary=limit)).summary) == limit
