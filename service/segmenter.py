"""The one module that talks to the word segmenter.

Chosen by measurement on the five seed articles (≈ 2,000 characters of cleaned text each, one core):

    jieba.posseg  HMM on   18.3 ms/article      rjieba.tag  HMM on   0.15 ms/article
    jieba.posseg  HMM off   3.4 ms/article      rjieba.tag  HMM off  0.13 ms/article

jieba-rs (through `rjieba`) ships jieba's own dictionary: `cut` gives the same words as jieba's on
every seed, with the HMM on and off, and `tag` with the HMM off gives the same words and tags (it
tags numbers `m` where jieba says `eng`). We tag with the HMM off: the HMM's guesses at unknown words
are mostly wrong on this genre (`肖亚庆作`, `对部`, `党同`, `现将`), while the dictionary plus our domain
words (service/data/domain_words.txt) keep the words that matter whole.

The instance is built once, with the domain words added, and never mutated afterwards: `tag` only
reads it, so one `Segmenter` serves every request and thread.

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
from collections.abc import Iterable
from itertools import accumulate, repeat

import rjieba

from service.pipeline.article import Token

PHRASE_TAG = "nz"
MAX_PIECE = 2000  # characters per segmenter call: big enough to amortize the call, small enough to bound it
_SEAM = 32  # characters re-segmented at a forced cut, so a word straddling it is found whole
_BREAK = re.compile(r"[。！？；，、：!?;,:\s]")  # where a long piece may be cut without splitting a word
_HAS_PUNCTUATION = re.compile(r"[^\w]")
_new_tuple = tuple.__new__  # Token(word, tag, start, end) from one 4-tuple, at C speed


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

    @property
    def phrases(self) -> tuple[str, ...]:
        """The set phrases with punctuation inside, matched before segmentation."""
        return self._phrases

    def tag(self, text: str) -> list[Token]:
        """Every character of `text` in exactly one token, in order, with its offsets."""
        tokens: list[Token] = []
        position = 0
        if self._phrase is not None:
            for match in self._phrase.finditer(text):
                self._tag_run(text, position, match.start(), tokens)
                tokens.append(Token(match.group(), PHRASE_TAG, match.start(), match.end()))
                position = match.end()
        self._tag_run(text, position, len(text), tokens)
        return tokens

    def _tag_run(self, text: str, start: int, end: int, tokens: list[Token]) -> None:
        while start < end:
            stop = end
            if end - start > MAX_PIECE:
                # A line end is always a word boundary (jieba-rs gives every "\n" a token of its own),
                # so whole lines go together, up to MAX_PIECE characters a call.
                stop = text.rfind("\n", start, start + MAX_PIECE) + 1
                if not stop:
                    start = self._cut(text, start, start + MAX_PIECE, tokens)
                    continue
            self._tag_piece(text, start, stop, tokens)
            start = stop

    def _cut(self, text: str, start: int, limit: int, tokens: list[Token]) -> int:
        """Segment a long piece up to a safe cut before `limit`; return where the rest begins."""
        window = text[start + MAX_PIECE // 2 : limit]
        breaks = [m.end() for m in _BREAK.finditer(window)]
        if breaks:
            stop = start + MAX_PIECE // 2 + breaks[-1]
            self._tag_piece(text, start, stop, tokens)
            return stop
        # no punctuation at all: keep the words that end well before the limit, redo the rest
        piece = self._jieba.tag(text[start:limit], False)
        offset = start
        for word, tag in piece:
            if offset + len(word) > limit - _SEAM and offset > start:
                break
            tokens.append(Token(word, tag, offset, offset + len(word)))
            offset += len(word)
        return offset

    def _tag_piece(self, text: str, start: int, stop: int, tokens: list[Token]) -> None:
        # No Python call per token: offsets by `accumulate` over the lengths, tokens by `tuple.__new__`
        # over zipped columns (`offsets` has one more entry, the end; segmenting 0.47 -> 0.45 ms a seed).
        tagged = self._jieba.tag(text[start:stop], False)
        if not tagged:
            if start != stop:
                raise RuntimeError(f"segmenter output does not cover text[{start}:{stop}]")
            return
        words, tags = zip(*tagged, strict=True)
        offsets = list(accumulate(map(len, words), initial=start))
        if offsets[-1] != stop:  # the segmenter dropped or changed characters: never silently shift offsets
            raise RuntimeError(f"segmenter output does not cover text[{start}:{stop}]")
        tokens.extend(map(_new_tuple, repeat(Token), zip(words, tags, offsets, offsets[1:], strict=False)))
