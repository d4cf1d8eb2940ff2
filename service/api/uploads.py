"""Turn an HTTP request into an `Upload`: multipart, a raw body, or JSON.

The body is read at most `limit + 1` bytes at a time, so a chunked body with no Content-Length
that runs past the limit is refused with 413 instead of being cut short in silence.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import re
from dataclasses import replace
from typing import Any

from flask import Request
from marshmallow import ValidationError
from werkzeug.datastructures import FileStorage, Headers
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.http import parse_options_header

from service.api.schemas import JsonUpload
from service.errors import InvalidOptions, MalformedBody, MissingFile, PayloadTooLarge, UnsupportedMediaType
from service.pipeline.article import Upload
from service.security import safe_filename

RAW_TYPES = frozenset({"text/plain", "text/html", "application/octet-stream", "application/xhtml+xml"})
_JSON_UPLOAD = JsonUpload()
_SPARE_PARTS = 10  # parts a batch may carry besides its files: a form field or two
# The disposition curl, browsers and requests write, with a file name that has nothing to unquote
# (no backslash, quote or %22): read at once, where werkzeug's parser walks a quoted name one
# character at a time (~8 µs an upload). Any other form goes to that parser.
_COMMON_DISPOSITION = re.compile(r'form-data; name="file"; filename="([^"\\%]*)"')


def read_upload(request: Request, *, limit: int) -> Upload:
    """The upload in the request; its file name made safe to store and echo (never a path)."""
    upload = _read_upload(request, limit)
    return replace(upload, filename=safe_filename(upload.filename))


def _read_upload(request: Request, limit: int) -> Upload:
    if request.content_encoding and request.content_encoding.lower() not in {"identity"}:
        # Refused rather than inflated: a compressed body would need caps on the inflated size
        # and the ratio, and articles are small. RFC 7694: say which codings we do accept.
        problem = UnsupportedMediaType(
            f"Content-Encoding {request.content_encoding!r} is not accepted; send the body as is."
        )
        problem.headers["Accept-Encoding"] = "identity"
        raise problem
    _buffer_unsized_body(request, limit)
    mimetype = request.mimetype
    if mimetype == "multipart/form-data":
        return _from_multipart(request, limit)
    if mimetype == "application/json":
        return _from_json(request, limit)
    if mimetype in RAW_TYPES or not mimetype:
        return Upload(
            body=_read_capped(request, limit),
            filename=_filename_header(request),
            content_type=mimetype or None,
            declared_charset=request.mimetype_params.get("charset"),
        )
    raise UnsupportedMediaType(
        f"Content-Type {mimetype!r} is not accepted. Send multipart/form-data with a 'file' part, "
        "a raw text/plain, text/html or application/octet-stream body, or application/json."
    )


def _buffer_unsized_body(request: Request, limit: int) -> None:
    """Read a body sent without Content-Length (chunked) ourselves, at most limit + 1 bytes.

    Werkzeug caps such a stream at MAX_CONTENT_LENGTH and then reports a clean end of input,
    so the text would be cut at the limit in silence. Once buffered, the body has a length and
    every later reader (form parser included) sees all of it.
    """
    environ = request.environ
    if request.content_length is not None or not environ.get("wsgi.input_terminated"):
        return
    try:
        body = environ["wsgi.input"].read(limit + 1)
    except Exception as error:  # the server's own parse error (gunicorn's InvalidChunkSize, ...)
        raise MalformedBody(
            f"The chunked body could not be read ({type(error).__name__}): its chunk framing is broken."
        ) from error
    if len(body) > limit:
        raise PayloadTooLarge(f"The body is over the limit of {limit} bytes.")
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
    environ.pop("HTTP_TRANSFER_ENCODING", None)


def _read_capped(request: Request, limit: int) -> bytes:
    if request.content_length is not None and request.content_length > limit:
        raise PayloadTooLarge(f"The body is {request.content_length} bytes; the limit is {limit}.")
    try:
        body = request.stream.read(limit + 1)
    except RequestEntityTooLarge as error:
        raise PayloadTooLarge(f"The body is over the limit of {limit} bytes.") from error
    if len(body) > limit:
        raise PayloadTooLarge(f"The body is over the limit of {limit} bytes.")
    if request.content_length is not None and len(body) < request.content_length:
        # gunicorn marks its input terminated, so a client that stops early gives a short read,
        # not an error: without this the first part of a document would pass for all of it.
        raise MalformedBody(
            f"The body ended after {len(body)} of the {request.content_length} bytes its Content-Length announced."
        )
    return body


def _from_multipart(request: Request, limit: int) -> Upload:
    if "boundary" not in request.mimetype_params:
        raise MalformedBody("multipart/form-data needs a boundary parameter.")
    try:
        part = _single_file_part(request.get_data(), request.mimetype_params["boundary"])
        files = request.files if part is None else None  # werkzeug parses the cached body again
    except RequestEntityTooLarge as error:
        raise PayloadTooLarge(f"The body is over the limit of {limit} bytes.") from error
    if files is not None:
        part = files.get("file")
    if part is None:
        if not files and not request.form:
            raise MalformedBody("The multipart body has no parts: it is empty, truncated or its boundary is wrong.")
        raise MissingFile("The multipart upload has no part named 'file'.", errors={"file": ["Missing file part."]})
    return upload_from_part(part, limit=limit)


def _single_file_part(body: bytes, boundary_param: str) -> FileStorage | None:
    """The `file` part of the commonest multipart body, as werkzeug's parser would give it, or None.

    One part, CRLF line ends, no preamble, no epilogue, the boundary nowhere else: what curl and
    browsers send. werkzeug's parser compiles two regular expressions around each boundary, and
    boundaries are random, so every upload paid ~0.17 ms for them. Anything else returns None and
    werkzeug parses the body as before; tests/api/test_multipart.py holds the two to the same part.
    """
    if not boundary_param or not boundary_param.isascii():  # werkzeug refuses these: let it
        return None
    delimiter = b"--" + boundary_param.encode("ascii")
    opening = delimiter + b"\r\n"
    closing = b"\r\n" + delimiter + b"--\r\n"
    end = len(body) - len(closing)
    if not body.startswith(opening) or not body.endswith(closing) or body.find(delimiter, 1) != end + 2:
        return None
    head_end = body.find(b"\r\n\r\n", len(opening), end + 2)
    if head_end < 0:
        return None
    headers = []
    for line in body[len(opening) : head_end].split(b"\r\n"):
        # werkzeug also takes folded lines, bare CR or LF, blank lines: those go to it
        if not line or line[:1] in b" \t" or b"\r" in line or b"\n" in line:
            return None
        try:
            name, _, value = line.strip(b" \t").decode().partition(":")
        except UnicodeDecodeError:
            return None
        headers.append((name.strip(" \t"), value.strip(" \t")))
    fields = Headers(headers)
    disposition = fields.get("content-disposition")
    if disposition is None:
        return None
    common = _COMMON_DISPOSITION.fullmatch(disposition)
    if common is not None:
        filename = common.group(1)
    else:
        _, options = parse_options_header(disposition)
        filename = options.get("filename")
        if options.get("name") != "file" or filename is None:
            return None
    return FileStorage(io.BytesIO(body[head_end + 4 : end]), filename, "file", headers=fields)


def upload_from_part(part: FileStorage, *, limit: int) -> Upload:
    """One multipart file part as an Upload; over `limit` bytes is 413 for this file."""
    body = part.stream.read(limit + 1)
    if len(body) > limit:
        raise PayloadTooLarge(f"The file is over the limit of {limit} bytes.")
    charset = part.mimetype_params.get("charset") if part.mimetype else None
    return Upload(
        body=body, filename=part.filename or None, content_type=part.mimetype or None, declared_charset=charset
    )


def _from_json(request: Request, limit: int) -> Upload:
    raw = _read_capped(request, limit)
    try:
        payload: Any = json.loads(raw)
    except ValueError as error:
        raise MalformedBody(f"The JSON body does not parse: {error}.") from error
    except RecursionError as error:  # `[[[[...` nested deeper than the parser's stack
        raise MalformedBody("The JSON body is nested too deeply.") from error
    if not isinstance(payload, dict):
        raise InvalidOptions("The JSON body must be an object.", errors={"_schema": ["Expected an object."]})
    try:
        data = _JSON_UPLOAD.load(payload)
    except ValidationError as error:
        raise InvalidOptions("The JSON body has invalid fields.", errors=error.messages_dict) from error
    if "content_base64" in data:
        try:
            body = base64.b64decode(data["content_base64"], validate=True)
        except (binascii.Error, ValueError) as error:
            raise InvalidOptions(
                "content_base64 is not valid base64.", errors={"content_base64": ["Not valid base64."]}
            ) from error
        charset = data.get("encoding")
    else:
        body = data["content"].encode("utf-8", errors="replace")
        charset = "utf-8"
    return Upload(body=body, filename=data.get("filename"), content_type="application/json", declared_charset=charset)


def read_batch(request: Request, *, max_files: int, max_bytes: int) -> list[FileStorage]:
    """The `file` parts of a batch upload, in upload order, each still unread.

    The whole body is held to `max_bytes` (in place of the single-upload limit) and the parts to
    `max_files`: past either the batch is 413, since no answer for the files could be complete.
    Each part is read later, by `upload_from_part`, with the single-upload limit for that file.
    """
    if request.content_encoding and request.content_encoding.lower() not in {"identity"}:
        raise UnsupportedMediaType(
            f"Content-Encoding {request.content_encoding!r} is not accepted; send the body as is."
        )
    if request.mimetype != "multipart/form-data":
        raise UnsupportedMediaType("A batch is multipart/form-data with one part named 'file' per article.")
    if "boundary" not in request.mimetype_params:
        raise MalformedBody("multipart/form-data needs a boundary parameter.")
    if request.content_length is not None and request.content_length > max_bytes:
        raise PayloadTooLarge(f"The batch is {request.content_length} bytes; the limit is {max_bytes}.")
    _buffer_unsized_body(request, max_bytes)
    request.max_content_length = max_bytes
    # Werkzeug stops parsing past this many parts instead of spooling thousands of tiny ones.
    request.max_form_parts = max_files + _SPARE_PARTS
    try:
        parts = request.files.getlist("file")
    except RequestEntityTooLarge as error:
        raise PayloadTooLarge(
            f"The batch has too many parts (the limit is {max_files} files) or a form field that is too large."
        ) from error
    if not parts:
        if not request.files and not request.form:
            raise MalformedBody("The multipart body has no parts: it is empty, truncated or its boundary is wrong.")
        raise MissingFile("The multipart upload has no part named 'file'.", errors={"file": ["Missing file part."]})
    if len(parts) > max_files:
        raise PayloadTooLarge(f"The batch has {len(parts)} files; the limit is {max_files}.")
    return parts


def _filename_header(request: Request) -> str | None:
    # A raw body may carry its name the way browsers send it for downloads.
    disposition = request.headers.get("Content-Disposition")
    if not disposition:
        return None
    _, params = parse_options_header(disposition)
    return params.get("filename")
