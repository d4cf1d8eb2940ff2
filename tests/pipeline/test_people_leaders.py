"""`people._leaders` finds what `_LEADERS.finditer` finds (it sets `re` going only at a 领导, found
by the lexicons' one pass)."""

from __future__ import annotations

import random

from service import resources
from service.pipeline import people


def test_leaders_are_those_of_finditer():
    draw = random.Random(8)
    pieces = ["领导", "领", "导", "自治区", "自治州", "兵团", "省", "市", "校", "院", "治区", "区", "张", "，", "a"]
    texts = ["".join(draw.choice(pieces) for _ in range(draw.randint(0, 12))) for _ in range(20000)]
    texts += ["市领导张晓峰、欧阳立新同志", "自治区领导领导", "高校领导班子"]
    lex = resources.get().lexicons
    found = 0
    for text in texts:
        expected = [match.span() for match in people._LEADERS.finditer(text)]
        leaders = lex.name_index.find(text).leaders
        assert [match.span() for match in people._leaders(text, leaders)] == expected, text
        found += len(expected)
    assert found > 2000  # the texts do hold leaders
