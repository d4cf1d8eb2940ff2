"""Traps measured with the card's libraries, each kept closed.

Most of these live in other stages' modules (cleaning parses with lxml, the segmenter cuts in
bounded pieces); the tests sit here so that the whole list is reviewed in one place.
"""

from __future__ import annotations

import random
import time

from flask.testing import FlaskClient

from service.pipeline import process
from service.pipeline.article import Options, Upload


def _unfamiliar_chinese(size: int, seed: int = 7) -> str:
    # Random Han characters: no punctuation, no dictionary words to anchor on (HMM's worst case).
    rng = random.Random(seed)
    return "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(size))


def test_a_million_unfamiliar_characters_are_segmented_fast_and_whole() -> None:
    text = _unfamiliar_chinese(1_000_000)
    started = time.perf_counter()
    article = process(Upload(text.encode("utf-8")), Options(keywords=0, summary=0))
    seconds = time.perf_counter() - started
    assert seconds < 20, f"{seconds:.1f} s"  # a hang guard: jieba's HMM took 166 s here
    assert article.text == text
    assert "".join(token.word for token in article.tokens) == article.analysis_text  # nothing lost at seams
    offset = 0
    for token in article.tokens:
        assert token.start == offset and token.end == offset + len(token.word)
        offset = token.end


def test_textrank_on_ten_thousand_unfamiliar_characters(client: FlaskClient) -> None:
    started = time.perf_counter()
    response = client.post(
        "/v1/documents?keywords_method=textrank&keywords=20",
        data=_unfamiliar_chinese(10_000).encode(),
        content_type="text/plain",
    )
    seconds = time.perf_counter() - started
    assert response.status_code == 200
    assert seconds < 10, f"{seconds:.1f} s"  # a hang guard: jieba's TextRank took 53 s here
