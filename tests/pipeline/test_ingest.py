"""Decoding: a BOM, a declared charset, then detection that is verified, on short texts too."""

from __future__ import annotations

import codecs
import random

import opencc
import pytest

from service.errors import BinaryContent, EmptyDocument, UndecodableContent
from service.pipeline.encoding import decode_bytes
from tests.conftest import read_seed, seed_names
from tests.pipeline.ingest_helpers import prepare

GB = {"gb18030", "gbk", "gb2312"}

# fmt: off
SHORT_TEXTS = [
    "中国经济",                              # 8 bytes in GBK: charset-normalizer says cp949
    "会议强调",
    "2019年6月6日，工业和信息化部召开",
    "尊敬的**组长，各位领导，同志们：",
    "“不忘初心、牢记使命”主题教育",
    "市场监管总局召开动员部署会。\n会议以电视电话会议形式召开。",
]
TRADITIONAL_TEXTS = [
    "習近平總書記",
    "臺灣經濟發展",
    "會議強調，要深入學習習近平總書記重要講話精神。",
]
# fmt: on


def family(name: str) -> str:
    return "gb18030" if name in GB else name


@pytest.mark.parametrize("text", SHORT_TEXTS)
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "gbk", "gb2312", "utf-16-le", "utf-16-be"])
def test_short_simplified_texts_are_detected(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == family(encoding)
    assert decoded.method == "detected"
    assert 0.5 <= decoded.confidence <= 1.0


@pytest.mark.parametrize("text", TRADITIONAL_TEXTS)
@pytest.mark.parametrize("encoding", ["big5", "utf-8", "gb18030", "utf-16-le"])
def test_short_traditional_texts_are_detected(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert (decoded.text, decoded.encoding) == (text, family(encoding))


def test_big5_is_not_taken_for_the_gb18030_it_also_decodes_as() -> None:
    body = TRADITIONAL_TEXTS[2].encode("big5")
    assert body.decode("gb18030") != TRADITIONAL_TEXTS[2]  # the trap: no decoding error at all
    assert decode_bytes(body).encoding == "big5"


def _reencoded_seeds() -> list[tuple[str, str]]:
    return [(name, encoding) for name in seed_names() for encoding in ("gb18030", "big5", "utf-16-le", "utf-16-be")]


@pytest.mark.parametrize(("name", "encoding"), _reencoded_seeds())
def test_seeds_reencoded_decode_to_the_same_text(name: str, encoding: str) -> None:
    text = read_seed(name).decode("utf-8")
    if encoding == "big5":  # Big5 holds Traditional characters: convert, drop the few it lacks
        text = opencc.OpenCC("s2t").convert(text).encode("big5", errors="ignore").decode("big5")
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == encoding
    assert decoded.warnings == ()


# fmt: off
BOMS = [
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),  # with a BOM the name is UTF-16 (RFC 2781)
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
]
# fmt: on


@pytest.mark.parametrize(("bom", "codec", "reported"), BOMS)
def test_a_bom_decides_and_is_dropped(bom: bytes, codec: str, reported: str) -> None:
    decoded = decode_bytes(bom + "中国经济".encode(codec), declared="gbk")  # a BOM beats a declaration
    assert (decoded.text, decoded.encoding, decoded.method) == ("中国经济", reported, "bom")


# fmt: off
DECLARED = [
    # (body, declared by the client, reported, method)
    ("会议强调".encode("gbk"), "gbk", "gb18030", "declared"),
    ("会议强调".encode("gbk"), "GB2312", "gb18030", "declared"),
    ("会议强调".encode("gbk"), "x-gbk", "gb18030", "declared"),
    ("會議強調".encode("big5"), "big5", "big5", "declared"),
    ("会议强调".encode(), "utf-8", "utf-8", "declared"),
    (b'<html><head><meta charset="gbk"></head><body>' + "会议强调".encode("gbk"), None, "gb18030", "declared"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' + "会议".encode("gbk"), None, "gb18030", "declared"),
    (b'<?xml version="1.0" encoding="big5"?><p>' + "會議強調".encode("big5"), None, "big5", "declared"),
    # a declaration the bytes contradict: detection, with a warning
    ("会议强调，要深入学习".encode(), "gbk", "utf-8", "detected"),
    (b'<meta charset="gb2312">' + "会议强调".encode(), None, "utf-8", "detected"),
    ("会议强调".encode("gbk"), "iso-8859-1", "gb18030", "detected"),
    ("会议强调".encode("gbk"), "no-such-charset", "gb18030", "detected"),
]
# fmt: on


@pytest.mark.parametrize(("body", "declared", "reported", "method"), DECLARED)
def test_declared_charsets_are_honoured_when_the_bytes_fit(
    body: bytes, declared: str | None, reported: str, method: str
) -> None:
    decoded = decode_bytes(body, declared=declared)
    assert (decoded.encoding, decoded.method) == (reported, method)
    assert "会议" in decoded.text or "會議" in decoded.text
    assert bool(decoded.warnings) == (method == "detected")


# fmt: off
BINARY = [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    b"PK\x03\x04\x14\x00\x06\x00" + bytes(100),
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(50),
    b"\x1f\x8b\x08\x00" + bytes(range(40)),
    random.Random(4).randbytes(4000),
    b"abc\x00\x00\x00def\x00\x01\x02" * 20,
]
# fmt: on


def test_other_languages_fall_back_to_charset_normalizer() -> None:
    text = "日本語のテキストです。東京都に住んでいます。今日はいい天気ですね。"
    decoded = decode_bytes(text.encode("shift_jis"))
    assert (decoded.text, decoded.encoding) == (text, "cp932")


@pytest.mark.parametrize("body", BINARY)
def test_binary_uploads_are_refused(body: bytes) -> None:
    with pytest.raises(BinaryContent):
        decode_bytes(body)


def test_a_few_bad_bytes_are_replaced_and_reported() -> None:
    text = read_seed(seed_names()[0])
    decoded = decode_bytes(text[:3000] + b"\xff" + text[3000:])
    assert decoded.encoding == "utf-8"
    assert decoded.text.count("\ufffd") == 1
    assert decoded.warnings == ("1 undecodable byte sequence(s) replaced with U+FFFD",)


def test_mostly_undecodable_text_is_refused() -> None:
    body = b"".join("会议".encode() + b"\xff\xfe\x80" for _ in range(50))
    with pytest.raises(UndecodableContent):
        decode_bytes(body)


def test_implausible_chinese_is_refused_as_ambiguous_not_returned_as_mojibake() -> None:
    rng = random.Random(7)  # pairs that are valid GB18030 and valid Big5, but no one's text
    body = bytes(rng.choice(range(0xA1, 0xF9)) if i % 2 == 0 else rng.choice(range(0xA1, 0xFE)) for i in range(400))
    with pytest.raises(UndecodableContent) as raised:
        decode_bytes(body)
    assert raised.value.extensions.get("encoding") == "ambiguous"


@pytest.mark.parametrize("body", [b"", b"   \r\n\t  "])
def test_an_empty_upload_is_refused(body: bytes) -> None:
    with pytest.raises(EmptyDocument):
        prepare(body)


def test_the_stage_reports_encoding_method_and_confidence() -> None:
    article = prepare("会议强调，要深入学习".encode("gbk"), filename="x.txt")
    source = article.source
    assert (source.encoding, source.encoding_method, source.encoding_confidence) == ("gb18030", "detected", 1.0)
    assert source.size == 20 and source.filename == "x.txt"
    declared = prepare("会议强调".encode("gbk"), charset="gbk").source
    assert (declared.encoding, declared.encoding_method) == ("gb18030", "declared")
