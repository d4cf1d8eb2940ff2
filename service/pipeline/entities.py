"""Shared by the organization and place stages: overlapping spans to entities with their mentions.

An entity is named as the text writes it, by the longest form that occurs (国家市场监督管理总局),
and the shorter forms that the lexicon ties to it (市场监管总局) are its `short_forms`, their
mentions among its own. A form the text never writes is never reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

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


def token_edges(tokens: tuple[Token, ...]) -> tuple[frozenset[int], frozenset[int]]:
    """Where the segmenter's words start and end: a short name must not cut a word in two.

    Organizations and places both ask, about the same tokens: the last answer is kept with the
    tuple it was made from and given again for that very tuple (`is`, never a copy that merely
    compares equal). 2 x 0.056 -> 0.040 ms a seed."""
    global _last_edges
    last = _last_edges
    if last is not None and last[0] is tokens:
        return last[1]
    edges = frozenset(map(_START, tokens)), frozenset(map(_END, tokens))
    _last_edges = (tokens, edges)
    return edges


_START, _END = itemgetter(2), itemgetter(3)  # Token.start, Token.end
_last_edges: tuple[tuple[Token, ...], tuple[frozenset[int], frozenset[int]]] | None = None
