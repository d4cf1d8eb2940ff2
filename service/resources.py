"""Dictionaries, stop words and the segmenter: loaded once per process, shared by every request.

`init_app` loads them when the app is built (before gunicorn forks, with `preload_app`, so the
workers share the pages); `get()` gives them to the pipeline and loads them on first use for
callers with no app (the command line, tests of a single stage).

Files (each section of the data files says where it comes from):

- service/data/domain_words.txt: set phrases, organizations and roles of official writing.
- service/data/stopwords.txt: the filler of official prose that never becomes a keyword.
- jieba/analyse/idf.txt: jieba's own IDF table, reused as it ships with the pinned jieba.
"""

from __future__ import annotations

import statistics
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import jieba
from flask import Flask

from service import lexicons
from service.segmenter import PHRASE_TAG, Segmenter

DATA = Path(__file__).parent / "data"
IDF_FILE = Path(jieba.__file__).parent / "analyse" / "idf.txt"


@dataclass(frozen=True, slots=True)
class Resources:
    segmenter: Segmenter
    idf: Mapping[str, float]  # jieba's IDF table
    idf_default: float  # for words the table lacks: its median, as jieba's own TF-IDF does
    stopwords: frozenset[str]
    domain_words: frozenset[str]  # every word of the domain dictionary, set phrases included
    title_endings: tuple[str, ...]  # the role titles a longer word ending so is a title too: 政协主席
    lexicons: lexicons.Lexicons  # surnames, role titles, places, organizations: service/data/*.txt


_loaded: Resources | None = None
_lock = threading.Lock()


def _lines(path: Path) -> Iterator[str]:
    """The non-empty lines of a data file that are not comments."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def load_domain_words(path: Path = DATA / "domain_words.txt") -> list[tuple[str, int | None, str]]:
    """`WORD [FREQ] [TAG]` lines as (word, freq or None, tag)."""
    entries = []
    for line in _lines(path):
        word, *rest = line.split()
        freq = int(rest.pop(0)) if rest and rest[0].isdigit() else None
        entries.append((word, freq, rest[0] if rest else PHRASE_TAG))
    return entries


def load_stopwords(path: Path = DATA / "stopwords.txt") -> frozenset[str]:
    return frozenset(_lines(path))


def load_idf(path: Path = IDF_FILE) -> tuple[dict[str, float], float]:
    """jieba's `word idf` table; equal values share one float (≈ 3,300 distinct over 270,000 words)."""
    table: dict[str, float] = {}
    values: dict[str, float] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, _, value = line.rstrip().partition(" ")
            number = values.get(value)
            if number is None:
                number = values[value] = float(value)
            table[word] = number
    return table, statistics.median(table.values())


def load() -> Resources:
    domain = load_domain_words()
    idf, idf_default = load_idf()
    segmenter = Segmenter(domain)
    for word, _, _ in domain:
        if word not in idf:
            # a set phrase is as rare as its rarest word: 主题教育 as 主题, not as an unknown word
            parts = [idf[part] for part in segmenter.plain_cuts[word] if len(part) > 1 and part in idf]
            idf[word] = max(parts) if parts else idf_default
    lexicon = lexicons.load(DATA)
    return Resources(
        segmenter=segmenter,
        idf=idf,
        idf_default=idf_default,
        # A role title (主任, 县委书记, 总书记) says who spoke, never what the article is about.
        stopwords=load_stopwords() | lexicon.role_titles,
        domain_words=frozenset(word for word, _, _ in domain),
        # ... and so is a longer word that ends with one (政协主席, 纪检监察组组长, 乡镇长)
        title_endings=tuple(sorted(title for title in lexicon.role_titles if len(title) >= 2)),
        lexicons=lexicon,
    )


def get() -> Resources:
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = load()
    return _loaded


def is_loaded() -> bool:
    return _loaded is not None


def init_app(app: Flask) -> None:
    get()
