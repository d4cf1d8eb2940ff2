"""The numeric date pattern, with its look-behind moved after the year so that `re` can scan for
19/20, finds what the pattern with the look-behind in front found."""

from __future__ import annotations

import random
import re

from service.pipeline import dates

_IN_FRONT = re.compile(
    r"(?<![0-9０-９.．/-])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.．])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![0-9.．])日?"
)


def test_numeric_dates_as_with_the_look_behind_in_front():
    draw = random.Random(8)
    alphabet = ["19", "20", "2019", "1", "2", "0", "9", "-", "/", ".", "．", "０", "６", "日", "年", "\n", "a", "，"]
    texts = ["".join(draw.choice(alphabet) for _ in range(draw.randint(0, 14))) for _ in range(20_000)]
    texts += ["2019-06-06、2019.6.6和2019/6/6；12019-1-1与1.2019.6.6"]
    for text in texts:
        expected = [(m.span(), m.groupdict()) for m in _IN_FRONT.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in dates._NUMERIC.finditer(text)] == expected, text


def test_numeric_matches_are_those_of_finditer():
    draw = random.Random(9)
    alphabet = ["2019-06-06", "2019.6.6", "1998/12/1", "2020．1．2", "2019", "06", "6", "1", "-", "/", ".", "日", "a"]
    texts = ["".join(draw.choice(alphabet) for _ in range(draw.randint(0, 16))) for _ in range(20_000)]
    texts += ["2019-06-06、2019.6.6和2019/6/6；12019-1-1与1.2019.6.6", "2019-06-2020-01-02"]
    found = 0
    for text in texts:
        expected = [(m.span(), m.groupdict()) for m in dates._NUMERIC.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in dates._numeric_matches(text)] == expected, text
        found += len(expected)
    assert found > 1000  # the texts do hold numeric dates
