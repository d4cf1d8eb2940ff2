"""The one module that talks to the word segmenter.

Chosen by measurement on the five seed articles (≈ 2,000 characters of cleaned text each, one core):

    jieba.posseg  HMM on   18.3 ms/article      rjieba.tag  HMM on   0.15 ms/article
    jieba.posseg  HMM off   3.4 ms/article      rjieba.tag  HMM off  0.13 ms/article

jieba-rs (through `rjieba`) ships jieba's own dictionary: `cut` gives the same words as jieba's on
every seed, with the HMM on and off, and `tag` with the HMM off gives the same words and tags (it
tags numbers `m` where jieba says `eng`). We tag with the HMM off: the HMM's guesses at unknown words
are mostly wrong on this genre (`肖亚庆作`, `对部`, `党同`, `现将`), while the dictionary plus our domain
words (service/data/domain_words.txt) keep the words that matter whole.

The jieba instance is built once, with the domain words added, and never mutated afterwards: `tag`
only reads it, so one `Segmenter` serves every request and thread. Words are cut with `cut` and
their tags looked up in a memo of our own (`_TagMemo`), which is all `tag` does in jieba-rs, without
a tag string and a pair made per word: segmenting 0.375 -> 0.34 ms a seed with the columns below.

The tokens come with their words and tags again as columns (`tag_columns`), so that a later stage
that tests every token (the keyword candidates) maps over a column at C speed.

Two things a segmenter cannot do are done here:

- Set phrases with punctuation inside (`不忘初心、牢记使命`) are matched in the text first and become
  one token each; the text between them is segmented as usual.
- Long runs are cut in bounded pieces (at the last line end within MAX_PIECE characters, then at
  punctuation, then at a fixed length with an overlap that is re-segmented), so no input makes one
  call unboundedly expensive, while a short text is one call. Every character is in exactly one
  token and `text[start:end] == word` for each of them.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from itertools import accumulate, repeat
from typing import NamedTuple

import rjieba

from service.pipeline.article import Token

PHRASE_TAG = "nz"
MAX_PIECE = 2000  # characters per segmenter call: big enough to amortize the call, small enough to bound it
_SEAM = 32  # characters re-segmented at a forced cut, so a word straddling it is found whole
_BREAK = re.compile(r"[。！？；，、：!?;,:\s]")  # where a long piece may be cut without splitting a word
_HAS_PUNCTUATION = re.compile(r"[^\w]")
TAG_MEMO_SIZE = 50_000  # words whose tag is remembered (~5 MB); a seed has ~500 distinct words
_new_tuple = tuple.__new__  # Token(word, tag, start, end) from one 4-tuple, at C speed


class Tagged(NamedTuple):
    """A text's tokens, and their words and tags again as columns (`words[i] == tokens[i].word`),
    for a caller that tests every token's word or tag at C speed (a `map` over a column) rather
    than unpacking the tokens one by one."""

    tokens: list[Token]
    words: list[str]
    tags: list[str]


class _NotOneWord(LookupError):
    """A word that jieba cuts in two when it stands alone: its tag is not known alone."""


class _TagMemo(dict[str, str]):
    """word -> its tag, as jieba-rs's `tag` gives it, remembered.

    jieba-rs tags a word by the word alone (`Jieba::tag`: the dictionary's tag for a dictionary
    word, else x, m or eng by its characters), never by its neighbours. So `cut` and one lookup a
    word give `tag`'s answer, without the tag string `tag` makes for every word and the pairs
    it returns (to unzip). A word seen for the first time is tagged alone. Bounded: emptied when
    full (numbers and Latin runs are words without end)."""

    def __init__(self, jieba: rjieba.Jieba) -> None:
        super().__init__()
        self._jieba = jieba

    def __missing__(self, word: str) -> str:
        tagged = self._jieba.tag(word, False)
        if len(tagged) != 1:
            raise _NotOneWord(word)
        if len(self) >= TAG_MEMO_SIZE:
            self.clear()
        tag = self[word] = sys.intern(tagged[0][1])  # one string a tag, not one a token
        return tag


class Segmenter:
    """Words with tags and offsets, from jieba's dictionary plus our domain words."""

    def __init__(self, domain_words: Iterable[tuple[str, int | None, str]] = ()) -> None:
        self._jieba = rjieba.Jieba()
        domain_words = list(domain_words)
        # how jieba's dictionary alone cuts each domain word, before any is added (for its IDF)
        self.plain_cuts = {word: tuple(self._jieba.cut(word, False)) for word, _, _ in domain_words}
        phrases = []
        for word, freq, tag in domain_words:
            if _HAS_PUNCTUATION.search(word):
                phrases.append(word)
            else:
                # enough weight to keep the word whole against the dictionary's own splits
                self._jieba.add_word(word, freq or max(1000, self._jieba.suggest_freq(word) * 10), tag)
        self._phrases = tuple(sorted(set(phrases), key=len, reverse=True))
        self._phrase = re.compile("|".join(map(re.escape, self._phrases))) if self._phrases else None
        self._tags = _TagMemo(self._jieba)  # filled as words are met; jieba itself is never changed again

    @property
    def phrases(self) -> tuple[str, ...]:
        """The set phrases with punctuation inside, matched before segmentation."""
        return self._phrases

    def tag(self, text: str) -> list[Token]:
        """Every character of `text` in exactly one token, in order, with its offsets."""
        return self.tag_columns(text).tokens

    def tag_columns(self, text: str) -> Tagged:
        """`tag`'s tokens, with their words and tags as columns."""
        out = Tagged([], [], [])
        position = 0
        if self._phrase is not None:
            for match in self._phrase.finditer(text):
                self._tag_run(text, position, match.start(), out)
                out.tokens.append(Token(match.group(), PHRASE_TAG, match.start(), match.end()))
                out.words.append(match.group())
                out.tags.append(PHRASE_TAG)
                position = match.end()
        self._tag_run(text, position, len(text), out)
        return out

    def _tag_run(self, text: str, start: int, end: int, out: Tagged) -> None:
        while start < end:
            stop = end
            if end - start > MAX_PIECE:
                # A line end is always a word boundary (jieba-rs gives every "\n" a token of its own),
                # so whole lines go together, up to MAX_PIECE characters a call.
                stop = text.rfind("\n", start, start + MAX_PIECE) + 1
                if not stop:
                    start = self._cut(text, start, start + MAX_PIECE, out)
                    continue
            self._tag_piece(text, start, stop, out)
            start = stop

    def _cut(self, text: str, start: int, limit: int, out: Tagged) -> int:
        """Segment a long piece up to a safe cut before `limit`; return where the rest begins."""
        window = text[start + MAX_PIECE // 2 : limit]
        breaks = [m.end() for m in _BREAK.finditer(window)]
        if breaks:
            stop = start + MAX_PIECE // 2 + breaks[-1]
            self._tag_piece(text, start, stop, out)
            return stop
        # no punctuation at all: keep the words that end well before the limit, redo the rest
        piece = self._jieba.tag(text[start:limit], False)
        offset = start
        for word, tag in piece:
            if offset + len(word) > limit - _SEAM and offset > start:
                break
            out.tokens.append(Token(word, tag, offset, offset + len(word)))
            out.words.append(word)
            out.tags.append(tag)
            offset += len(word)
        return offset

    def _tag_piece(self, text: str, start: int, stop: int, out: Tagged) -> None:
        # No Python call per token: the words cut, their tags looked up in the memo, offsets by
        # `accumulate` over the lengths (its last entry, the piece's end, is the coverage check),
        # tokens by `tuple.__new__` over the zipped columns. Piece by piece: a piece's objects are
        # still in the CPU's cache when its tokens are made (a sweep over a whole 1 MB text's
        # columns afterwards made segmenting 10% slower per KB).
        piece = text[start:stop]
        words = self._jieba.cut(piece, False)
        try:
            tags = list(map(self._tags.__getitem__, words))
        except _NotOneWord:
            tags = [tag for _, tag in self._jieba.tag(piece, False)]
        offsets = list(accumulate(map(len, words), initial=start))
        if offsets[-1] != stop:  # the segmenter dropped or changed characters: never silently shift offsets
            raise RuntimeError(f"segmenter output does not cover text[{start}:{stop}]")
        out.tokens.extend(map(_new_tuple, repeat(Token), zip(words, tags, offsets, offsets[1:], strict=False)))
        out.words.extend(words)
        out.tags.extend(tags)
