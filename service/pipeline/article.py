"""The one document object every stage reads and returns.

An `Article` is frozen: a stage returns a new one with `evolve` (`dataclasses.replace`, faster), so no stage can
change what an earlier stage saw. Offsets (`start`, `end`) are character offsets into
`Article.text`, end exclusive, so `text[start:end]` is always the thing reported.

`Options` holds what the caller asked for (how many keywords, which method, ...), kept apart
from what we know about the text, as trafilatura keeps `Extractor` apart from `Document`.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, Literal, NamedTuple, TypeVar

SourceFormat = Literal["plain", "html-fragment", "html-document"]
EncodingMethod = Literal["bom", "declared", "detected", "unicode"]
KeywordMethod = Literal["tfidf", "textrank"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of `Article.text`: `text[start:end]`."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact stands in the text and which rule found it."""

    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Upload:
    """The bytes as they came, with what the client told us about them."""

    body: bytes
    filename: str | None = None
    content_type: str | None = None
    declared_charset: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """What ingestion decided about the upload."""

    format: SourceFormat = "plain"
    encoding: str = "utf-8"
    encoding_method: EncodingMethod = "unicode"
    encoding_confidence: float = 1.0
    language: str = "zh-Hans"
    filename: str | None = None
    size: int = 0
    name_line: str | None = None  # the original file-name line that led the upload, taken out
    page_title: str | None = None  # an HTML page's <title>, for the title stage
    headline: str | None = None  # an HTML page's first <h1> (else its first long <h2>), for the title stage


class Token(NamedTuple):
    """One word of the segmentation pass that every later stage shares.

    A named tuple, not a dataclass: an article has a thousand of them, and a tuple is built in
    a third of the time (measured: segmenting 0.68 -> 0.50 ms per seed).
    """

    word: str
    tag: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ContentWords:
    """The candidate words of one article, in text order, by their Simplified form: chosen once,
    by the `content_words` stage (keywords.choose_content_words), read by keywords, summary and
    fingerprint."""

    positions: tuple[int, ...]  # index of each candidate in `Article.tokens`
    keys: tuple[str, ...]  # its Simplified form (what is counted)
    surface: dict[str, str]  # key -> the word as it first stands in `text`
    counts: dict[str, int]  # key -> how often it stands in the text, in order of first occurrence


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    year: int | None
    month: int | None
    day: int | None
    part_of_day: str | None
    start: int
    end: int
    rule: str
    iso: str | None = None
    inferred: bool = False
    end_day: int | None = None  # the last day of a range such as 26日至27日
    end_month: int | None = None  # the month of that last day (6月26日至7月2日 gives 7)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    roles: tuple[str, ...]
    mentions: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    """An organization or a place, with every mention of it and its short forms."""

    name: str
    mentions: tuple[Evidence, ...]
    short_forms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Meeting:
    format: str | None = None
    location: str | None = None
    attendance: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Redaction:
    text: str
    start: int
    end: int
    context: str = ""


@dataclass(frozen=True, slots=True)
class ImagePlaceholder:
    """A removed placeholder: `offset` is where it stood in `text`; `paragraph` is the index of the
    paragraph it stood in or just before (== len(paragraphs) after the last one)."""

    offset: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class ReferenceNumber:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    title_source: str | None = None
    title_span: Span | None = None  # where the title stands in `text`, when it is part of it
    doc_number: int | None = None
    document_type: str = "news"
    document_type_rule: str | None = None
    event_date: DateMention | None = None
    dates: tuple[DateMention, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[Entity, ...] = ()
    places: tuple[Entity, ...] = ()
    meeting: Meeting = field(default_factory=Meeting)
    image_placeholders: tuple[ImagePlaceholder, ...] = ()
    redactions: tuple[Redaction, ...] = ()
    reference_numbers: tuple[ReferenceNumber, ...] = ()


@dataclass(frozen=True, slots=True)
class Keyword:
    word: str
    weight: float


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Options:
    """What the caller asked for; validated by the API schema before it gets here."""

    keywords: int = 10
    keywords_method: KeywordMethod = "tfidf"
    summary: int = 3


@dataclass(frozen=True, slots=True)
class Article:
    upload: Upload
    source: Source = field(default_factory=Source)
    raw_text: str = ""  # decoded, before cleaning
    text: str = ""  # cleaned; every offset points into it
    paragraphs: tuple[Span, ...] = ()
    analysis_text: str = ""  # same length as `text`, Simplified script, for the analysers
    tokens: tuple[Token, ...] = ()
    # The tokens' words and tags again, as columns (`token_words[i] == tokens[i].word`), as the
    # segmenter makes them: a stage that tests every token (content_words) maps over these at C
    # speed instead of unpacking a thousand Tokens in a Python loop.
    token_words: tuple[str, ...] = ()
    token_tags: tuple[str, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    content_words: ContentWords | None = None  # None until the content_words stage has chosen them
    metadata: Metadata = field(default_factory=Metadata)
    keywords: tuple[Keyword, ...] = ()
    summary: tuple[Sentence, ...] = ()
    fingerprint: str = ""
    content_id: str = ""
    warnings: tuple[str, ...] = ()
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def simplified(self) -> str:
        """The text the rules match on: `analysis_text` (Simplified, offsets shared with `text`)
        where it lines up with `text`, else `text`. What a rule reports is sliced from `text`."""
        analysis = self.analysis_text
        return analysis if analysis and len(analysis) == len(self.text) else self.text


T = TypeVar("T")
_new = object.__new__
_set_field = object.__setattr__  # what a frozen dataclass's own __init__ uses


@functools.cache
def _layout(cls: type) -> tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]:
    """A dataclass's field names, and a getter of all their values at once (one C call)."""
    names = tuple(item.name for item in fields(cls))
    if len(names) == 1:
        return names, lambda obj: (getattr(obj, names[0]),)
    return names, operator.attrgetter(*names)


def evolve(obj: T, /, **changes: Any) -> T:
    """`dataclasses.replace` for the frozen, slotted classes above: a copy with `changes`.

    The fields are copied slot by slot instead of going through `replace`'s keyword building and
    the generated `__init__`: 2.5 -> 1.6 µs a copy, ≈ 30 copies a document (≈ 25 µs a seed).
    It skips what `replace` would add and these classes do not use: `__post_init__`, `InitVar`s
    and `init=False` fields (tests/pipeline/test_article.py holds it to `replace`). An unknown
    name raises AttributeError (the classes have slots), as `replace` raises TypeError.
    """
    cls = type(obj)
    names, values_of = _layout(cls)
    copy = _new(cls)
    for name, value in zip(names, values_of(obj), strict=True):
        _set_field(copy, name, value)
    for name, value in changes.items():
        _set_field(copy, name, value)
    return copy
