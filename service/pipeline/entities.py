"""Shared by the organization and place stages: overlapping spans to entities with their mentions.

An entity is named as the text writes it, by the longest form that occurs (国家市场监督管理总局),
and the shorter forms that the lexicon ties to it (市场监管总局) are its `short_forms`, their
mentions among its own. A form the text never writes is never reported.

Both stages also share the lexicons' one pass over the text (`lexicon_names`) and ask the
segmenter's words whether a short name stands as a word of its own (`starts_word`, `ends_word`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import itemgetter

from service.lexicons import Lexicons, Names
from service.pipeline.article import Entity, Evidence, Token


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    key: str  # what groups mentions: the full name where the lexicon knows it, else the text
    rule: str


def non_overlapping(found: list[Found]) -> list[Found]:
    """Leftmost first, the longest where two start together; a span inside a kept one is dropped."""
    kept: list[Found] = []
    last_end = -1
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if item.start >= last_end:
            kept.append(item)
            last_end = item.end
    return kept


def to_entities(text: str, found: list[Found], *, written: str | None = None) -> tuple[Entity, ...]:
    """Group the spans; names are sliced from `written` (the text in its own script) if given."""
    if written is not None and len(written) == len(text):
        text = written
    groups: dict[str, list[Found]] = {}
    for item in found:
        groups.setdefault(item.key, []).append(item)
    entities = []
    for items in groups.values():
        forms = {text[f.start : f.end] for f in items}
        name = max(forms, key=lambda form: (len(form), form))
        short = tuple(sorted(forms - {name}, key=lambda form: text.find(form)))
        mentions = tuple(Evidence(f.start, f.end, f.rule) for f in sorted(items, key=lambda f: f.start))
        entities.append(Entity(name=name, mentions=mentions, short_forms=short))
    entities.sort(key=lambda e: e.mentions[0].start)
    return tuple(entities)


def lexicon_names(text: str, lex: Lexicons) -> Names:
    """The places, organization prefixes and known organizations of `text`, by `lex.name_index`.

    Organizations and places both ask, about the same text: the last answer is kept with the text
    it was made from and given again for that very string (`is`, never one that merely compares
    equal, and the same lexicons), so the automaton walks each article once (21 µs a seed, where
    three passes took 68)."""
    global _last_names
    last = _last_names
    if last is not None and last[0] is text and last[1] is lex:
        return last[2]
    names = lex.name_index.find(text)
    _last_names = (text, lex, names)
    return names


_last_names: tuple[str, Lexicons, Names] | None = None


def starts_word(tokens: tuple[Token, ...], position: int) -> bool:
    """Whether a word of the segmentation starts at `position`: a short name must not cut a word
    in two. A binary search of the tokens (in text order) at the few positions a stage asks about,
    where sets of all the thousand word edges cost 37 µs a seed to build."""
    i = bisect_left(tokens, position, key=_START)
    return i < len(tokens) and tokens[i].start == position


def ends_word(tokens: tuple[Token, ...], position: int) -> bool:
    """Whether a word of the segmentation ends at `position`."""
    i = bisect_left(tokens, position, key=_END)
    return i < len(tokens) and tokens[i].end == position


def word_at(tokens: tuple[Token, ...], position: int) -> int:
    """The index of the token that holds `position` (0 before the first one)."""
    return max(0, bisect_right(tokens, position, key=_START) - 1)


_START, _END = itemgetter(2), itemgetter(3)  # Token.start, Token.end
