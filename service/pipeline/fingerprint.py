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

Bits are counted a byte of the hash at a time (8 additions per feature, then 64 sums over 128
byte values), not bit by bit: the stage costs little more than the hashing.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import replace

from service import resources
from service.pipeline.article import Article, Options
from service.pipeline.keywords import content_words

BITS = 64
_WITH_BIT = tuple(tuple(value for value in range(256) if value >> bit & 1) for bit in range(8))


def fingerprint(article: Article, options: Options) -> Article:
    content_id = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    return replace(article, fingerprint=simhash(features(article)), content_id=content_id)


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
    sums = [[0.0] * 256 for _ in range(8)]  # per byte of the hash: weight by byte value
    blake = hashlib.blake2b
    for feature, weight in weighted.items():
        for position, value in enumerate(blake(feature.encode("utf-8"), digest_size=8).digest()):
            sums[position][value] += weight
    half = sum(weighted.values()) / 2
    result = 0
    for position, table in enumerate(sums):  # big-endian: byte 0 holds bits 63..56
        for bit in range(8):
            if sum(map(table.__getitem__, _WITH_BIT[bit])) > half:
                result |= 1 << ((7 - position) * 8 + bit)
    return f"{result:016x}"
