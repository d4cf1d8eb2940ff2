"""`entities.non_overlapping` keeps, of overlapping spans, what its first definition kept: sorted by
(start, -length), stable, then each span that starts at or after the end of the last one kept."""

from __future__ import annotations

import random

from service.pipeline.entities import Found, non_overlapping


def _by_lambda(found: list[Found]) -> list[Found]:
    kept: list[Found] = []
    last_end = -1
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if item.start >= last_end:
            kept.append(item)
            last_end = item.end
    return kept


def test_non_overlapping_is_the_sort_by_start_and_length():
    draw = random.Random(8)
    for _ in range(5000):
        found = []
        for i in range(draw.randint(0, 12)):
            start = draw.randint(0, 20)
            found.append(
                Found(start, start + draw.randint(1, 6), f"key{i}", draw.choice(["known", "prefixed", "local"]))
            )
        assert non_overlapping(found) == _by_lambda(found), found
