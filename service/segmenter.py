"""The one module that talks to the word segmenter.

jieba-rs (through `rjieba`) cuts with jieba's own dictionary at a fraction of jieba's cost. The
instance is built once, with our domain words added, and never mutated per request.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import rjieba


@dataclass(frozen=True, slots=True)
class Word:
    word: str
    tag: str


class Segmenter:
    def __init__(self, domain_words: Iterable[tuple[str, int, str]] = ()) -> None:
        self._jieba = rjieba.Jieba()
        for word, freq, tag in domain_words:
            self._jieba.add_word(word, freq, tag)

    def tag(self, text: str) -> list[Word]:
        return [Word(word, tag) for word, tag in self._jieba.tag(text, False)]
