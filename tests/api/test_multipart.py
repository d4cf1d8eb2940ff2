"""The single-part fast path of multipart uploads gives what werkzeug's parser gives, or stands aside.

`_single_file_part` reads the commonest body (one `file` part) without werkzeug's per-boundary
regular expressions. For each body here, when it answers, its part must equal the part werkzeug
parses from the same body (file name, field name, headers, content); when it does not (None),
werkzeug parses the body as before, so the answer cannot differ either way.
"""

from __future__ import annotations

import io
import itertools

import pytest
from werkzeug.formparser import FormDataParser

from service.api.uploads import _single_file_part

BOUNDARY = "------------------------d74496d66958873e"


def _werkzeug(body: bytes, boundary: str):  # type: ignore[no-untyped-def]
    parser = FormDataParser(max_form_parts=1000)
    _, form, files = parser.parse(io.BytesIO(body), "multipart/form-data", len(body), {"boundary": boundary})
    return form, files


def _body(
    content: bytes,
    *,
    disposition: str = 'form-data; name="file"; filename="a.txt"',
    extra: str = "Content-Type: text/plain; charset=gbk\r\n",
    boundary: str = BOUNDARY,
    head: bytes = b"",
    tail: bytes = b"\r\n",
) -> bytes:
    part = f"Content-Disposition: {disposition}\r\n{extra}\r\n".encode()
    return head + f"--{boundary}\r\n".encode() + part + content + f"\r\n--{boundary}--".encode() + tail


CONTENTS = [
    b"",
    "　　国务院召开常务会议。\r\n第二段。".encode(),
    b"ends with a CR\r",
    b"ends with LF\n",
    b"\r\n\r\nstarts with blank lines",
    b"-- a dash line\r\n--not the boundary",
    ("x" * 70_000).encode(),  # more than werkzeug's read chunk
    f"mentions --{BOUNDARY} inside".encode(),
    f"\r\n--{BOUNDARY}X almost a delimiter".encode(),
]
DISPOSITIONS = [
    'form-data; name="file"; filename="a.txt"',
    'form-data; name="file"; filename="会议 纪要.txt"',
    "form-data; name=file; filename=plain.txt",
    "form-data; name=\"file\"; filename*=UTF-8''%E4%BC%9A%E8%AE%AE.txt",
    'form-data; name="file"; filename=""',
    'form-data; name="file"; filename="a\\"b.txt"',
    'form-data; name="other"; filename="a.txt"',
    'form-data; name="file"',
    "attachment",
]
EXTRAS = [
    "",
    "Content-Type: text/plain; charset=gbk\r\n",
    "Content-Type: application/octet-stream\r\nX-Other:  spaced \r\n",
    "content-type: text/html\r\n",
    "Content-Type: text/plain;\r\n charset=utf-8\r\n",  # a folded header: werkzeug's
    "Broken header line\r\n",
]


def _check(body: bytes, boundary: str = BOUNDARY) -> bool:
    fast = _single_file_part(body, boundary)
    form, files = _werkzeug(body, boundary)
    if fast is None:
        return False
    slow = files.get("file")
    assert slow is not None and len(files) == 1 and not form
    assert (fast.filename, fast.name) == (slow.filename, slow.name)
    assert list(fast.headers.items()) == list(slow.headers.items())
    assert (fast.mimetype, fast.mimetype_params) == (slow.mimetype, slow.mimetype_params)
    assert fast.stream.read() == slow.stream.read()
    return True


@pytest.mark.parametrize("content", CONTENTS)
def test_contents(content: bytes) -> None:
    assert _check(_body(content)) == (f"--{BOUNDARY}".encode() not in content)


@pytest.mark.parametrize(("disposition", "extra"), list(itertools.product(DISPOSITIONS, EXTRAS)))
def test_headers(disposition: str, extra: str) -> None:
    _check(_body(b"text", disposition=disposition, extra=extra))


@pytest.mark.parametrize(
    "body",
    [
        _body(b"text", head=b"a preamble\r\n"),
        _body(b"text", tail=b""),
        _body(b"text", tail=b"\r\nan epilogue"),
        _body(b"text", tail=b"\r\n\r\n"),
        _body(b"text").replace(b"\r\n", b"\n"),
        _body(b"text")[:-10],  # truncated
        _body(b"one").replace(f"--{BOUNDARY}--".encode(), f"--{BOUNDARY}".encode()) + _body(b"two"),  # two parts
        b"",
    ],
)
def test_other_shapes_go_to_werkzeug(body: bytes) -> None:
    assert not _check(body)


@pytest.mark.parametrize("boundary", ["", "bound\u00e4ry", "a b", "x"])
def test_odd_boundaries(boundary: str) -> None:
    body = _body(b"text", boundary=boundary)
    if boundary and boundary.isascii():
        assert _check(body, boundary)
    else:
        assert _single_file_part(body, boundary) is None


def test_the_common_shape_takes_the_fast_path() -> None:
    assert _check(_body("正文。".encode()))
