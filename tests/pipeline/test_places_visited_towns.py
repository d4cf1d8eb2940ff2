"""The `visited-town` place rule finds what `_VISITED_TOWN.finditer` finds: the search is set going
only a few characters before the first 镇, 乡 or 街道, and must give the same towns."""

from __future__ import annotations

import random

from service.pipeline import places


def test_visited_towns_are_those_of_finditer():
    draw = random.Random(8)
    pieces = [*"赴到在镇乡街，。a1", "街道", "莫干山", "石桥", "调研", "考察", "召开"]
    texts = ["".join(draw.choice(pieces) for _ in range(draw.randint(0, 14))) for _ in range(4000)]
    texts += [f"赴{'甲' * name}{kind}调研" for name in (1, 2, 3, 4, 5) for kind in places._TOWN_KINDS]
    found = 0
    for text in texts:
        expected = [(m.span(), m.group()) for m in places._VISITED_TOWN.finditer(text)]
        assert [(m.span(), m.group()) for m in places._visited_towns(text)] == expected, text
        found += len(expected)
    assert found > 100  # the pieces do make visits
