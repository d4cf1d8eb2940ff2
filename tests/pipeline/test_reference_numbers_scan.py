"""`_year_numbers` finds what `finditer` of `\\s*` + `_YEAR_NUMBER` finds: the pattern opens on its
bracket, so that `re` scans for it, and the spaces before the bracket are taken in by hand."""

from __future__ import annotations

import random
import re

from service.pipeline import reference_numbers


def test_year_numbers_are_those_of_the_leading_spaces_regex():
    with_spaces = re.compile(r"\s*" + reference_numbers._YEAR_NUMBER.pattern)
    draw = random.Random(8)
    pieces = [*"〔〕[]【】（）国发号第 \u3000\xa0\n\t\x1c\u2028a", "2019", "20", "12", "〔2019〕12号", "国办发"]
    texts = ["".join(draw.choice(pieces) for _ in range(draw.randint(0, 14))) for _ in range(4000)]
    found = 0
    for text in texts:
        expected = [match.span() for match in with_spaces.finditer(text)]
        assert list(reference_numbers._year_numbers(text)) == expected, repr(text)
        found += len(expected)
    assert found > 300  # the pieces do make numbers
