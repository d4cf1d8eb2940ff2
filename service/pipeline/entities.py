"""Shared by the organization and place stages: overlapping spans to entities with their mentions.

An entity is named as the text writes it, by the longest form that occurs (国家市场监督管理总局),
and the shorter forms that the lexicon ties to it (市场监管总局) are its `short_forms`, their
mentions among its own. A form the text never writes is never reported.

Both stages also share the lexicons' one pass over the text (`lexicon_names`) and ask the
segmenter's words whether a short name stands as a word of its own (`starts_word`, `ends_word`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter
from typing import NamedTuple

from service.lexicons import Lexicons, Names
from service.pipeline.article import Entity, Evidence, Token


class Found(NamedTuple):
    """A span one rule found. A named tuple, not a dataclass: built in 0.34 µs where a frozen
    dataclass takes 0.82, and the two stages build some forty a seed."""

    start: int
    end: int
    key: str  # what groups mentions: the full name where the lexicon knows it, else the text
    rule: str


def non_overlapping(found: list[Found]) -> list[Found]:
    """Leftmost first, the longest where two start together; a span inside a kept one is dropped."""
    kept: list[Found] = []
    last_end = -1
    # by start, and by end from the last where two start together (the longest first): two stable
    # sorts on C keys, where one on a lambda's (start, -length) called Python for every span
    ordered = sorted(found, key=_FOUND_END, reverse=True)
    ordered.sort(key=_FOUND_START)
    for item in ordered:
        if item.start >= last_end:
            kept.append(item)
            last_end = item.end
    return kept


def to_entities(text: str, found: list[Found], *, written: str | None = None) -> tuple[Entity, ...]:
    """The entities of the spans found, overlaps resolved (`non_overlapping`), in the order of
    their first mention; names are sliced from `written` (the text in its own script) if given."""
    if written is not None and len(written) == len(text):
        text = written
    # in text order, so each group's mentions come in order, and the groups by their first one
    groups: dict[str, list[Found]] = {}
    for item in non_overlapping(found):
        groups.setdefault(item.key, []).append(item)
    entities = []
    for items in groups.values():
        forms = {text[start:end] for start, end, _, _ in items}
        if len(forms) == 1:  # most often: one name, however many mentions
            name, short = forms.pop(), ()
        else:
            name = max(forms, key=_longest_form)
            short = tuple(sorted(forms - {name}, key=text.find))
        mentions = tuple([Evidence(start, end, rule) for start, end, _, rule in items])
        entities.append(Entity(name=name, mentions=mentions, short_forms=short))
    return tuple(entities)


def _longest_form(form: str) -> tuple[int, str]:
    return len(form), form


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


def word_starting_at(tokens: tuple[Token, ...], position: int) -> Token | None:
    """The word of the segmentation that starts at `position`, if one does. A binary search of the
    tokens (in text order) at the few positions a stage asks about, where sets or dicts of all the
    thousand words cost 37-70 µs a seed to build."""
    i = bisect_left(tokens, position, key=_START)
    return tokens[i] if i < len(tokens) and tokens[i].start == position else None


def starts_word(tokens: tuple[Token, ...], position: int) -> bool:
    """Whether a word of the segmentation starts at `position`: a short name must not cut a word
    in two."""
    return word_starting_at(tokens, position) is not None


def ends_word(tokens: tuple[Token, ...], position: int) -> bool:
    """Whether a word of the segmentation ends at `position`."""
    i = bisect_left(tokens, position, key=_END)
    return i < len(tokens) and tokens[i].end == position


def word_at(tokens: tuple[Token, ...], position: int) -> int:
    """The index of the token that holds `position` (0 before the first one)."""
    return max(0, bisect_right(tokens, position, key=_START) - 1)


_START, _END = itemgetter(2), itemgetter(3)  # Token.start, Token.end
_FOUND_START, _FOUND_END = itemgetter(0), itemgetter(1)  # Found.start, Found.end
