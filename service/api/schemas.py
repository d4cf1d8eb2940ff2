"""Marshmallow schemas, named as the components of openapi.yaml they load or dump."""

from __future__ import annotations

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
    return _DOCUMENT.dump(article)
