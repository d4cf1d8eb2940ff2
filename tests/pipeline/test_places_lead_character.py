"""The one-character and visited-town rules of places find what their look-behind regexes found
(they now match the lead character, so that `re` can scan for it)."""

from __future__ import annotations

import random
import re

import pytest

from service.pipeline import places

# fmt: off
CASES = [
    (places._ONE_CHAR, "[在赴抵来离返进驻]", "在赴抵来离返进驻京津沪川蜀召开举行调研，。、工作主持 a1"),
    (places._VISITED_TOWN, "[赴到在]", "赴到在镇乡街道北京新城调研考察召开，。的 a1"),
]
# fmt: on


@pytest.mark.parametrize(("pattern", "lead", "alphabet"), CASES)
def test_same_places_as_the_look_behind_regex(pattern: re.Pattern[str], lead: str, alphabet: str) -> None:
    assert pattern.pattern.startswith(lead)
    with_look_behind = re.compile(f"(?<={lead}){pattern.pattern[len(lead) :]}")
    draw = random.Random(8)
    texts = ["".join(draw.choice(alphabet) for _ in range(draw.randint(0, 40))) for _ in range(5000)]
    found = 0
    for text in texts:
        expected = [(m.span("place"), m["place"]) for m in with_look_behind.finditer(text)]
        assert [(m.span("place"), m["place"]) for m in pattern.finditer(text)] == expected, text
        found += len(expected)
    assert found > 100  # the alphabets do make places
