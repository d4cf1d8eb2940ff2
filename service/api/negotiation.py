"""What shape an answer takes: the media type the client accepts, and the fields it asked for.

Both are decided before the upload is read, so a request we cannot answer costs nothing:

- `Accept` picks among the media types a route offers; no `Accept` (or `*/*`) gets the first,
  JSON. `text/plain` on POST /v1/documents is the cleaned text alone, for `curl … > article.txt`.
  Anything else is 406.
- `?fields=text,metadata` keeps only those top-level fields of the Document; a name that is not
  one of them is 422 with the name in `errors`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import orjson
from flask import Request, Response

from service.api.schemas import DocumentSchema, dump_document
from service.errors import InvalidOptions, NotAcceptable
from service.pipeline.article import Article

JSON = "application/json"
TEXT = "text/plain"
NDJSON = "application/x-ndjson"

_ANYTHING = frozenset({"", "*/*"})  # Accept values that leave the choice to us
DOCUMENT_FIELDS: tuple[str, ...] = tuple(DocumentSchema().fields)  # in the order openapi.yaml lists them


@dataclass(frozen=True, slots=True)
class Answer:
    """How to answer one request: `media` is one of the route's offers; `fields` None means all."""

    media: str
    fields: tuple[str, ...] | None = None

    def dump(self, article: Article) -> dict[str, Any]:
        if self.fields is None:
            return dump_document(article)
        return _trimmed_schema(self.fields).dump(article)

    def render(self, article: Article) -> Response:
        if self.media == TEXT:
            # A text file ends with a newline; the text itself never does (cleaning strips it).
            return Response(article.text + "\n", mimetype=TEXT)
        # orjson writes the text jsonify writes for this dict (compact, UTF-8 as is, keys in order,
        # floats as repr, the trailing newline) in a fifteenth of the time: 46 -> 3 µs a seed,
        # the largest cost of a request outside the pipeline. The dump holds only JSON's types.
        return Response(orjson.dumps(self.dump(article), option=orjson.OPT_APPEND_NEWLINE), mimetype=JSON)


def negotiate(request: Request, offers: Sequence[str]) -> Answer:
    """The answer this request asks for among `offers` (best first), or 406 / 422 now."""
    return Answer(media=_media_type(request, offers), fields=parse_fields(request.args.get("fields")))


def _media_type(request: Request, offers: Sequence[str]) -> str:
    if request.headers.get("Accept", "*/*") in _ANYTHING:
        # No Accept header, or curl's and most clients' `*/*`: the client takes what it is given,
        # without parsing the header into a MIMEAccept (~5 µs a request).
        return offers[0]
    if not request.accept_mimetypes:  # an Accept header with nothing in it
        return offers[0]
    best = request.accept_mimetypes.best_match(offers)
    if best is None:
        raise NotAcceptable(
            f"Cannot answer with {request.headers.get('Accept')!r}; this resource speaks {', '.join(offers)}."
        )
    return best


def parse_fields(raw: str | None) -> tuple[str, ...] | None:
    """`text,metadata` as the Document's field names, in its order; None (all) when not given."""
    if raw is None:
        return None
    asked = {name.strip() for name in raw.split(",") if name.strip()}
    unknown = sorted(asked - set(DOCUMENT_FIELDS))
    if unknown or not asked:
        message = (
            f"Unknown field{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
            if unknown
            else "Name at least one field; "
        ) + f"choose from {', '.join(DOCUMENT_FIELDS)}."
        raise InvalidOptions(
            "The fields parameter names fields a Document does not have.", errors={"fields": [message]}
        )
    return tuple(name for name in DOCUMENT_FIELDS if name in asked)  # in the Document's order, as asked or not


@cache
def _trimmed_schema(fields: tuple[str, ...]) -> DocumentSchema:
    # One schema per distinct selection, built once: few selections recur (text only, no offsets, ...).
    return DocumentSchema(only=fields)
