"""The hand-written `dump_document` is `DocumentSchema().dump`, key for key and type for type.

The schemas are the declared contract; `dump_document` is only a faster way to the same dict,
and the answer's orjson body the same text as Flask's jsonify would write.
Compared as JSON text (keys in order, 1 and 1.0 and true told apart) on every seed under several
options, and on an article that has one of every kind of fact, so a field added to a schema and
not to `dump_document` (or the other way round) fails here.
"""

from __future__ import annotations

import json

import pytest

from conftest import read_seed, seed_names
from service.api.negotiation import JSON, Answer
from service.api.schemas import DocumentSchema, dump_document
from service.pipeline import process
from service.pipeline.article import (
    Article,
    DateMention,
    Entity,
    Evidence,
    ImagePlaceholder,
    Keyword,
    Meeting,
    Metadata,
    Options,
    Person,
    Redaction,
    ReferenceNumber,
    Sentence,
    Source,
    Span,
    Upload,
)

OPTIONS = [
    Options(),
    Options(keywords_method="textrank"),
    Options(keywords=50, summary=20),
    Options(keywords=0, summary=0),
]


def _same(article: Article) -> None:
    expected = json.dumps(DocumentSchema().dump(article), ensure_ascii=False)
    assert json.dumps(dump_document(article), ensure_ascii=False) == expected
    # The answer's body (orjson) is the text Flask's jsonify writes with the stdlib encoder.
    jsonified = json.dumps(dump_document(article), ensure_ascii=False, separators=(",", ":")) + "\n"
    assert Answer(JSON).render(article).get_data() == jsonified.encode("utf-8")


@pytest.mark.parametrize("options", OPTIONS, ids=repr)
@pytest.mark.parametrize("name", seed_names())
def test_seeds_dump_as_the_schema_dumps_them(name: str, options: Options) -> None:
    _same(process(Upload(read_seed(name), filename=name), options))


def _date(**changes: object) -> DateMention:
    fields = dict(text="2019年6月6日上午", year=2019, month=6, day=6, part_of_day="上午", start=0, end=10, rule="full")
    return DateMention(**{**fields, **changes})  # type: ignore[arg-type]


def test_an_article_with_one_of_everything() -> None:
    evidence = (Evidence(3, 6, "role-before"), Evidence(40, 43, "repeat"))
    metadata = Metadata(
        title="国务院召开常务会议",
        title_source="file-name",
        title_span=Span(0, 9),
        doc_number=225,
        document_type="meeting-report",
        document_type_rule="召开…会议",
        event_date=_date(iso="2019-06-06", inferred=True, end_day=7, end_month=6),
        dates=(_date(), _date(year=None, month=None, day=None, part_of_day=None, iso=None, rule="relative")),
        people=(Person("李克强", ("国务院总理",), evidence),),
        organizations=(Entity("国务院", evidence, ("国务院办公厅",)),),
        places=(Entity("北京", evidence[:1]),),
        meeting=Meeting(format="电视电话会议", location="北京", attendance="800余人", evidence=evidence),
        image_placeholders=(ImagePlaceholder(12, 1), ImagePlaceholder(30, 2)),
        redactions=(Redaction("**", 50, 52, "组长**出席"),),
        reference_numbers=(ReferenceNumber("国发〔2019〕12号", 60, 72),),
    )
    article = Article(
        upload=Upload(b"x"),
        source=Source(format="html-fragment", encoding="gb18030", encoding_method="detected", filename=None, size=1),
        text="国务院召开常务会议\n正文。",
        paragraphs=(Span(0, 9), Span(10, 13)),
        metadata=metadata,
        keywords=(Keyword("国务院", 1.0), Keyword("会议", 0.5)),
        summary=(Sentence("正文。", 10, 13, 1.0),),
        fingerprint="0123456789abcdef",
        content_id="0" * 64,
        warnings=("encoding-guessed",),
    )
    _same(article)
    _same(Article(upload=Upload(b"")))  # every default: None, empty lists, zero counts
