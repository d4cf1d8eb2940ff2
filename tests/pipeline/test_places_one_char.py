"""`places._one_char_places` finds what `_ONE_CHAR.finditer` finds (it tries the pattern only where
the lexicons' one pass found a lead and a one-character place: 在京, 赴沪)."""

from __future__ import annotations

import random

from service import resources
from service.lexicons import ONE_CHAR_LEADS, ONE_CHAR_PLACES
from service.pipeline import places


def test_one_char_places_are_those_of_finditer():
    lex = resources.get().lexicons
    draw = random.Random(8)
    pieces = [*ONE_CHAR_LEADS, *ONE_CHAR_PLACES[:6], "新", "召开", "调研", "，", "。", "北京", "在京", "的", "a"]
    texts = ["".join(draw.choice(pieces) for _ in range(draw.randint(0, 16))) for _ in range(10_000)]
    texts += ["在京召开，赴沪调研，在京直属单位", "在在京、"]
    found = 0
    for text in texts:
        expected = [(m.span(), m["place"]) for m in places._ONE_CHAR.finditer(text)]
        visits = lex.name_index.find(text).one_char_visits
        assert [(m.span(), m["place"]) for m in places._one_char_places(text, visits)] == expected, text
        found += len(expected)
    assert found > 1000  # the texts do hold places


def test_a_place_is_never_a_lead():
    assert not set(ONE_CHAR_LEADS) & set(ONE_CHAR_PLACES)
