"""`WordIndex` (the Aho-Corasick automata) finds what the trie regexes it replaced found, on random
texts made of the lexicons' own names (so that they overlap, nest and run into each other) and filler."""

from __future__ import annotations

import random
import re

import pytest

from service import resources
from service.lexicons import (
    APPOINT_VERBS,
    APPOINTED_VERBS,
    CENTRAL_PREFIXES,
    ONE_CHAR_LEADS,
    ONE_CHAR_PLACES,
    PERSON_NOUNS,
    SPEECH_VERBS,
    WordIndex,
    trie_pattern,
)

FILLER = "在和的了省市县区中国家，。 a1𠮷"


def random_texts(names: list[str], *, count: int, seed: int = 8) -> list[str]:
    draw = random.Random(seed)
    pieces = [*names, *FILLER]

    def piece() -> str:  # a name, a character of filler, or the head of a name (长春 of 长春市)
        word = draw.choice(pieces)
        return word[: draw.randint(1, len(word))] if draw.random() < 0.3 else word

    texts = []
    for _ in range(count):
        text = "".join(piece() for _ in range(draw.randint(0, 12)))
        if text and draw.random() < 0.5:  # cut into a name: a word's tail or head at the edges
            text = text[draw.randint(0, len(text) - 1) :]
        texts.append(text)
    return texts


@pytest.fixture(scope="module", params=["places", "organizations"])
def names(request: pytest.FixtureRequest) -> list[str]:
    lex = resources.get().lexicons
    return list(lex.place_full_names if request.param == "places" else lex.org_full_names)


def test_longest_is_what_the_trie_regex_finds(names: list[str]) -> None:
    index, pattern = WordIndex(names), re.compile(trie_pattern(names))
    found = 0
    for text in random_texts(names, count=3000):
        expected = [match.span() for match in pattern.finditer(text)]
        assert index.longest(text) == expected, text
        found += len(expected)
    assert found > 3000  # the texts do hold names


def test_lengths_at_lists_every_word_starting_there(names: list[str]) -> None:
    index, by_first = WordIndex(names), {}
    for name in names:
        by_first.setdefault(name[0], []).append(name)
    for text in random_texts(names, count=1000, seed=9):
        expected = {}
        for start, char in enumerate(text):
            lengths = sorted((len(n) for n in by_first.get(char, ()) if text.startswith(n, start)), reverse=True)
            if lengths:
                expected[start] = lengths
        assert index.lengths_at(text) == expected, text


def test_name_index_gives_each_list_what_its_own_word_index_gives() -> None:
    lex = resources.get().lexicons
    places, organizations, titles = list(lex.place_full_names), list(lex.org_full_names), list(lex.role_titles)
    prefixes = [*places, *CENTRAL_PREFIXES]
    verbs = [*SPEECH_VERBS, *APPOINT_VERBS, *APPOINTED_VERBS, "在京", "赴沪"]
    place_index, organization_index, prefix_index = WordIndex(places), WordIndex(organizations), WordIndex(prefixes)
    title_index, person_noun_index = WordIndex(titles), WordIndex(PERSON_NOUNS)
    found = 0
    for text in random_texts([*prefixes, *organizations, *titles, *verbs, *PERSON_NOUNS], count=3000, seed=10):
        names = lex.name_index.find(text)
        assert names.places == place_index.longest(text), text
        assert names.organizations == organization_index.longest(text), text
        by_start = sorted(prefix_index.lengths_at(text).items())
        assert names.prefixes == [(start, start + length) for start, lengths in by_start for length in lengths], text
        assert names.titles == title_index.longest(text), text
        assert names.person_nouns == person_noun_index.longest(text), text
        assert names.speech_verbs == sorted(_every_start(SPEECH_VERBS, text)), text
        assert sorted(names.notice_verbs) == sorted(_every_span([*APPOINT_VERBS, *APPOINTED_VERBS], text)), text
        pairs = [lead + place for lead in ONE_CHAR_LEADS for place in ONE_CHAR_PLACES]
        assert names.one_char_visits == sorted(start for start, _ in _every_span(pairs, text)), text
        found += len(names.places) + len(names.organizations) + len(names.titles) + len(names.speech_verbs)
        found += len(names.person_nouns)
    assert found > 3000  # the texts do hold names of every kind


def _every_span(words: list[str], text: str) -> list[tuple[int, int]]:
    return [(start, start + len(word)) for word in words for start in range(len(text)) if text.startswith(word, start)]


def _every_start(words: tuple[str, ...], text: str) -> list[int]:
    return [start for start, _ in _every_span(list(words), text)]
