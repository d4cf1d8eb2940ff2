"""Stage `fingerprint`: a 64-bit SimHash of the text for near-duplicate search, and a content id.

`content_id` is the SHA-256 of the cleaned text (UTF-8): equal only for the very same text.

`fingerprint` is a SimHash (Charikar 2002) as 16 hex digits: each feature hashes to 64 bits
(BLAKE2b, stable across processes and versions of Python), and bit k of the fingerprint is set
when the features whose hash has bit k set outweigh those that have it clear. Features are the
content words of the keyword stage, by their Simplified form (so a Traditional copy of an article
gets the same fingerprint), weighted by (1 + log tf) x IDF. (Word pairs as features doubled the cost
and separated the seeds no better.) Two
reports of one meeting land a few bits apart; unrelated articles about 32 bits apart, as random
hashes would. Compare fingerprints by Hamming distance.

Bits are counted a byte of the hash at a time (8 additions per feature into a table of 8 x 256
byte values, then folded in half bit by bit), not bit by bit per feature; each word's hash is
computed once per process and remembered (a bounded cache): simhash 0.21 -> 0.10 ms a seed.
"""

from __future__ import annotations

import hashlib
import math
import operator

from service import resources
from service.pipeline.article import Article, Options, evolve
from service.pipeline.keywords import content_words

BITS = 64
HASH_CACHE_SIZE = 1 << 16  # words whose hash is kept: a day's vocabulary, ≈ 10 MB at most
_hashes: dict[str, tuple[int, ...]] = {}  # feature -> where its 8 hash bytes fall in the table


def fingerprint(article: Article, options: Options) -> Article:
    content_id = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    return evolve(article, fingerprint=simhash(features(article)), content_id=content_id)


def features(article: Article) -> dict[str, float]:
    """Weighted features: content words by (1 + log tf) x IDF."""
    res = resources.get()
    idf, default = res.idf, res.idf_default
    counts = content_words(article).counts
    return {key: (1.0 + math.log(count)) * idf.get(key, default) for key, count in counts.items()}


def simhash(weighted: dict[str, float]) -> str:
    """The SimHash of weighted features, as 16 lowercase hex digits."""
    if not weighted:
        return "0" * (BITS // 4)
    # table[value * 8 + position]: the weight of the features whose hash has `value` at byte `position`
    table = [0.0] * 2048
    hashes = _hashes
    for feature, weight in weighted.items():
        for slot in hashes.get(feature) or _slots(feature):
            table[slot] += weight
    half = sum(weighted.values()) / 2
    result = 0
    size = 2048
    for bit in range(7, -1, -1):
        # the top half of the table holds the byte values with this bit set, each position every
        # 8th slot; folding the top onto the bottom makes the next bit down the top bit again
        size //= 2
        top = table[size:]
        for position in range(8):  # big-endian: byte 0 holds bits 63..56
            if sum(top[position::8]) > half:
                result |= 1 << ((7 - position) * 8 + bit)
        if bit:
            table = list(map(operator.add, table[:size], top))
    return f"{result:016x}"


def _slots(feature: str) -> tuple[int, ...]:
    """A feature's 8 hash bytes as slots of the table, remembered (BLAKE2b is most of the cost)."""
    digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
    slots = tuple(value * 8 + position for position, value in enumerate(digest))
    if len(_hashes) >= HASH_CACHE_SIZE:
        _hashes.clear()  # simpler than an LRU, and as good for a vocabulary that mostly recurs
    _hashes[feature] = slots
    return slots
