"""Marshmallow schemas, named as the components of openapi.yaml they load or dump."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from marshmallow import EXCLUDE, RAISE, Schema, ValidationError, fields, validate, validates_schema

from service.pipeline.article import Article, Options

# ---- requests -------------------------------------------------------------------------------


class ProcessingOptions(Schema):
    """Query parameters of POST /v1/documents."""

    class Meta:
        unknown = EXCLUDE  # other query parameters (e.g. a cache buster) are not ours to refuse

    keywords = fields.Integer(load_default=10, validate=validate.Range(0, 50), strict=False)
    keywords_method = fields.String(load_default="tfidf", validate=validate.OneOf(["tfidf", "textrank"]))
    summary = fields.Integer(load_default=3, validate=validate.Range(0, 20))

    def to_options(self, data: dict[str, Any]) -> Options:
        return Options(keywords=data["keywords"], keywords_method=data["keywords_method"], summary=data["summary"])


class JsonUpload(Schema):
    """A document sent as JSON: text in `content`, or bytes in `content_base64` with `encoding`."""

    class Meta:
        unknown = RAISE

    content = fields.String()
    content_base64 = fields.String()
    filename = fields.String(validate=validate.Length(max=1024), allow_none=True)
    encoding = fields.String(validate=validate.Length(min=1, max=64), allow_none=True)

    @validates_schema
    def _one_body(self, data: dict[str, Any], **_: Any) -> None:
        if ("content" in data) == ("content_base64" in data):
            raise ValidationError("Give exactly one of content and content_base64.", "content")


# ---- responses ------------------------------------------------------------------------------


class EvidenceSchema(Schema):
    start = fields.Integer()
    end = fields.Integer()
    rule = fields.String()


class ParagraphSchema(Schema):
    start = fields.Integer()
    end = fields.Integer()


class SourceSchema(Schema):
    format = fields.String()
    encoding = fields.String()
    encoding_method = fields.String()
    encoding_confidence = fields.Float()
    language = fields.String()
    filename = fields.String(allow_none=True)
    size = fields.Integer()


class DateMentionSchema(Schema):
    text = fields.String()
    year = fields.Integer(allow_none=True)
    month = fields.Integer(allow_none=True)
    day = fields.Integer(allow_none=True)
    end_day = fields.Integer(allow_none=True)
    end_month = fields.Integer(allow_none=True)
    part_of_day = fields.String(allow_none=True)
    iso = fields.String(allow_none=True)
    inferred = fields.Boolean()
    start = fields.Integer()
    end = fields.Integer()
    rule = fields.String()


class PersonSchema(Schema):
    name = fields.String()
    roles = fields.List(fields.String())
    mentions = fields.Function(lambda person: len(person.mentions))
    offsets = fields.List(fields.Nested(EvidenceSchema), attribute="mentions")


class EntitySchema(Schema):
    name = fields.String()
    short_forms = fields.List(fields.String())
    mentions = fields.Function(lambda entity: len(entity.mentions))
    offsets = fields.List(fields.Nested(EvidenceSchema), attribute="mentions")


class MeetingSchema(Schema):
    format = fields.String(allow_none=True)
    location = fields.String(allow_none=True)
    attendance = fields.String(allow_none=True)
    evidence = fields.List(fields.Nested(EvidenceSchema))


class RedactionSchema(Schema):
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    context = fields.String()


class ImagePlaceholderSchema(Schema):
    offset = fields.Integer()
    paragraph = fields.Integer()


class ReferenceNumberSchema(Schema):
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()


class MetadataSchema(Schema):
    title = fields.String(allow_none=True)
    title_source = fields.String(allow_none=True)
    title_span = fields.Nested(ParagraphSchema, allow_none=True)
    doc_number = fields.Integer(allow_none=True)
    document_type = fields.String()
    document_type_rule = fields.String(allow_none=True)
    event_date = fields.Nested(DateMentionSchema, allow_none=True)
    dates = fields.List(fields.Nested(DateMentionSchema))
    people = fields.List(fields.Nested(PersonSchema))
    organizations = fields.List(fields.Nested(EntitySchema))
    places = fields.List(fields.Nested(EntitySchema))
    meeting = fields.Nested(MeetingSchema)
    image_placeholders = fields.Function(lambda metadata: len(metadata.image_placeholders))
    image_placeholder_positions = fields.List(fields.Nested(ImagePlaceholderSchema), attribute="image_placeholders")
    redactions = fields.List(fields.Nested(RedactionSchema))
    reference_numbers = fields.List(fields.Nested(ReferenceNumberSchema))


class KeywordSchema(Schema):
    word = fields.String()
    weight = fields.Float()


class SentenceSchema(Schema):
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    score = fields.Float()


class DocumentSchema(Schema):
    text = fields.String()
    paragraphs = fields.List(fields.Nested(ParagraphSchema))
    source = fields.Nested(SourceSchema)
    metadata = fields.Nested(MetadataSchema)
    keywords = fields.List(fields.Nested(KeywordSchema))
    summary = fields.List(fields.Nested(SentenceSchema))
    fingerprint = fields.String()
    content_id = fields.String()
    warnings = fields.List(fields.String())


_DOCUMENT = DocumentSchema()


def dump_document(article: Article) -> dict[str, Any]:
    """`DocumentSchema().dump(article)`, written out by hand: the same dict, key for key, in 1/8 of
    the time (0.19 -> 0.02 ms a seed; marshmallow walks ~240 fields an article through generic
    code). The schemas above stay the declared contract: tests/api/test_dump.py holds this
    function to `DocumentSchema().dump` on every seed and more, and a field added to a schema and
    not here fails that test."""
    metadata = article.metadata
    source = article.source
    meeting = metadata.meeting
    title_span = metadata.title_span
    event_date = metadata.event_date
    return {
        "text": _text(article.text),
        "paragraphs": [{"start": int(span.start), "end": int(span.end)} for span in article.paragraphs],
        "source": {
            "format": _text(source.format),
            "encoding": _text(source.encoding),
            "encoding_method": _text(source.encoding_method),
            "encoding_confidence": _number(source.encoding_confidence),
            "language": _text(source.language),
            "filename": _text(source.filename),
            "size": _integer(source.size),
        },
        "metadata": {
            "title": _text(metadata.title),
            "title_source": _text(metadata.title_source),
            "title_span": None if title_span is None else {"start": int(title_span.start), "end": int(title_span.end)},
            "doc_number": _integer(metadata.doc_number),
            "document_type": _text(metadata.document_type),
            "document_type_rule": _text(metadata.document_type_rule),
            "event_date": None if event_date is None else _date(event_date),
            "dates": [_date(date) for date in metadata.dates],
            "people": [
                {
                    "name": _text(person.name),
                    "roles": [_text(role) for role in person.roles],
                    "mentions": len(person.mentions),
                    "offsets": _evidence(person.mentions),
                }
                for person in metadata.people
            ],
            "organizations": [_entity(entity) for entity in metadata.organizations],
            "places": [_entity(entity) for entity in metadata.places],
            "meeting": {
                "format": _text(meeting.format),
                "location": _text(meeting.location),
                "attendance": _text(meeting.attendance),
                "evidence": _evidence(meeting.evidence),
            },
            "image_placeholders": len(metadata.image_placeholders),
            "image_placeholder_positions": [
                {"offset": int(image.offset), "paragraph": int(image.paragraph)}
                for image in metadata.image_placeholders
            ],
            "redactions": [
                {
                    "text": _text(redaction.text),
                    "start": int(redaction.start),
                    "end": int(redaction.end),
                    "context": _text(redaction.context),
                }
                for redaction in metadata.redactions
            ],
            "reference_numbers": [
                {"text": _text(number.text), "start": int(number.start), "end": int(number.end)}
                for number in metadata.reference_numbers
            ],
        },
        "keywords": [{"word": _text(keyword.word), "weight": float(keyword.weight)} for keyword in article.keywords],
        "summary": [
            {
                "text": _text(sentence.text),
                "start": int(sentence.start),
                "end": int(sentence.end),
                "score": float(sentence.score),
            }
            for sentence in article.summary
        ],
        "fingerprint": _text(article.fingerprint),
        "content_id": _text(article.content_id),
        "warnings": [_text(warning) for warning in article.warnings],
    }


# What marshmallow's String, Integer and Float fields do with a value when they dump it.
def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _integer(value: Any) -> int | None:
    return None if value is None else int(value)


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def _date(date: Any) -> dict[str, Any]:
    return {
        "text": _text(date.text),
        "year": _integer(date.year),
        "month": _integer(date.month),
        "day": _integer(date.day),
        "end_day": _integer(date.end_day),
        "end_month": _integer(date.end_month),
        "part_of_day": _text(date.part_of_day),
        "iso": _text(date.iso),
        "inferred": _boolean(date.inferred),
        "start": _integer(date.start),
        "end": _integer(date.end),
        "rule": _text(date.rule),
    }


def _boolean(value: Any) -> bool | None:
    # marshmallow's Boolean: None stays None, its truthy and falsy sets first, else bool()
    if value is None:
        return None
    with suppress(TypeError):
        if value in fields.Boolean.truthy:
            return True
        if value in fields.Boolean.falsy:
            return False
    return bool(value)


def _entity(entity: Any) -> dict[str, Any]:
    return {
        "name": _text(entity.name),
        "short_forms": [_text(form) for form in entity.short_forms],
        "mentions": len(entity.mentions),
        "offsets": _evidence(entity.mentions),
    }


def _evidence(mentions: Any) -> list[dict[str, Any]]:
    return [{"start": int(m.start), "end": int(m.end), "rule": _text(m.rule)} for m in mentions]
