"""`_Finder._piece_start` finds the separator that the walk back one character at a time found
(it lets `re` find the nearest separator or quote, and walks only from a quote on)."""

from __future__ import annotations

import random

from service import resources
from service.pipeline import people


def _walked(text: str, end: int) -> tuple[int, str]:
    depth = 0
    limit = max(0, end - people._MAX_ROLE)
    i = end - 1
    while i >= limit:
        char = text[i]
        if char in people._QUOTES:
            depth = max(0, depth + people._QUOTES[char])
        elif depth == 0 and (char in people._CLAUSE_END or char in people._PIECE_END):
            return i + 1, char
        i -= 1
    return limit, ""


def test_piece_start_is_the_walk_back():
    lex = resources.get().lexicons
    draw = random.Random(8)
    pieces = ["省委书记", "省长", "张三", "的", "a", *"、，,。\n：“”「」《》"]
    texts = ["".join(draw.choice(pieces) for _ in range(draw.randint(0, 40))) for _ in range(3000)]
    for text in texts:
        finder = people._Finder(text, (), lex)
        for end in range(len(text) + 1):
            assert finder._piece_start(end) == _walked(text, end), (text, end)
