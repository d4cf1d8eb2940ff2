"""Bytes to text, in the order the issue asks: a BOM, a declared charset, then detection.

Detection is built for short Chinese texts, where general detectors guess wrong (charset-normalizer
reads the 8 GBK bytes of `中国经济` as cp949). Every candidate decoding is *verified*: the share of
its characters that a Chinese reader meets every day (GB2312 level 1, Big5 level 1, CJK punctuation,
ASCII) says how plausible it is. Big5 bytes decode without a single error as GB18030, into rare
characters nobody writes; the plausibility score is what tells the two apart. When no candidate is
plausible, or two different texts are equally so, we refuse (`UndecodableContent`) rather than
return mojibake. charset-normalizer is asked only when no Chinese encoding fits (Japanese, Latin).

    decode_bytes(body, declared=None) -> Decoded(text, encoding, method, confidence, warnings)
"""

from __future__ import annotations

import codecs
import contextlib
import re
from dataclasses import dataclass
from functools import cache

from bs4.dammit import EncodingDetector
from charset_normalizer import from_bytes

from service.errors import BinaryContent, UndecodableContent

# (BOM, the codec that reads what follows it, the name we report). Text that starts with a BOM is
# named "UTF-16" / "UTF-32" (RFC 2781: the -LE / -BE labels are for text without one), as UTF-8
# with a BOM is "utf-8".
_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# Files that are not text at all, by their first bytes: say what they are instead of "undecodable".
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF file; send its text"),
    (b"PK\x03\x04", "a zip archive (or a .docx); send its text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc); send its text"),
    (b"\x1f\x8b", "gzip data"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS", "an Ogg media file"),
    (b"\x00\x00\x01\x00", "an icon"),
)

# The name a client or a page uses -> (the codec we decode with, the name we report).
# GB2312 and GBK text is decoded as GB18030, its superset: decoding GBK as GB2312 loses characters.
_FAMILIES = {
    "gb2312": ("gb18030", "gb18030"),
    "gbk": ("gb18030", "gb18030"),
    "gb18030": ("gb18030", "gb18030"),
    "big5": ("big5hkscs", "big5"),  # HKSCS is Big5 plus the Hong Kong characters
    "big5hkscs": ("big5hkscs", "big5"),
    "cp950": ("cp950", "big5"),
    "utf-8": ("utf-8", "utf-8"),
    "utf-16": ("utf-16-le", "utf-16-le"),  # no BOM (it was looked for first): Windows order
}

# Labels pages use that Python's codec registry does not know (from the WHATWG Encoding list).
_WEB_ALIASES = {"x-gbk": "gbk", "csgb2312": "gb2312", "x-x-big5": "big5", "cn-big5": "big5", "csbig5": "big5"}

_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ue000-\uf8ff]")  # controls and private use

SAMPLE = 2048  # characters (bytes, for binary checks) scored per candidate: enough to decide, cheap
_ASCII = re.compile(r"[\x00-\x7f][\x00-\x7f]*")  # [..]+, opening with one character: see cleaning._PLACEHOLDER_HINT
PLAUSIBLE = 0.8  # share of non-ASCII characters that must be everyday ones (real text: 0.97+; noise: ~0.6)
MARGIN = 0.08  # two different texts closer than this are a tie
MAX_REPLACED_SHARE = 0.01  # undecodable bytes we replace (and report) rather than refuse


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    method: str  # bom, declared, detected
    confidence: float
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Candidate:
    codec: str
    name: str
    text: str
    replaced: int
    score: float


def decode_bytes(body: bytes, declared: str | None = None) -> Decoded:
    """Decode an upload; raise BinaryContent or UndecodableContent rather than guess badly."""
    for magic, what in _MAGIC:
        if body.startswith(magic):
            raise BinaryContent(f"The upload is {what}, not a text document.")
    for bom, codec, name in _BOMS:
        if body.startswith(bom):
            candidate = _candidate(body[len(bom) :], codec, name)
            return _accept(candidate, "bom", 1.0)
    warnings: list[str] = []
    for source, charset in (("declared", declared), ("declared in the page", _sniff_declaration(body))):
        if not charset:
            continue
        family = _family(charset)
        if family is None:
            warnings.append(f"unknown charset {charset!r} ({source}) was ignored")
            continue
        candidate = _candidate(body, *family)
        if _is_acceptable(candidate) and candidate.score >= PLAUSIBLE:
            return _accept(candidate, "declared", 1.0)
        warnings.append(f"charset {charset!r} ({source}) does not fit the bytes; detected instead")
    decoded = _detect(body)
    return Decoded(decoded.text, decoded.encoding, decoded.method, decoded.confidence, (*warnings, *decoded.warnings))


def _detect(body: bytes) -> Decoded:
    if b"\x00" in body[:SAMPLE]:
        return _detect_wide(body)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:  # valid UTF-8 with multibyte sequences is almost never an accident
        if len(body) - len(text) >= 4 or _score(text) >= PLAUSIBLE:  # >= 2 multibyte characters
            return _accept(_Candidate("utf-8", "utf-8", text, 0, 1.0), "detected", 1.0)
    codecs_to_try = [("utf-8", "utf-8"), ("gb18030", "gb18030"), ("big5hkscs", "big5")]
    if len(body) % 2 == 0:  # CJK in UTF-16 without a BOM has no NUL bytes: only the score finds it
        codecs_to_try += [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")]
    head = body[:SAMPLE]  # decide on a prefix (~1,000 CJK characters); decode the whole body with the winner
    candidates = [_candidate(head, codec, name, final=len(head) == len(body)) for codec, name in codecs_to_try]
    fitting = sorted((c for c in candidates if _is_acceptable(c)), key=lambda c: c.score, reverse=True)
    if fitting and fitting[0].score >= PLAUSIBLE:
        best = fitting[0]
        rivals = [c for c in fitting[1:] if best.score - c.score < MARGIN and c.text != best.text]
        if rivals and best.score < 0.95:
            names = ", ".join(c.name for c in (best, *rivals))
            raise UndecodableContent(
                f"The text encoding is ambiguous: {names} give different texts that are equally plausible.",
                encoding="ambiguous",
            )
        confidence = best.score - (max(0.0, MARGIN - (best.score - rivals[0].score)) if rivals else 0.0)
        if len(head) < len(body):
            best = _candidate(body, best.codec, best.name)
        return _accept(best, "detected", confidence)
    if _looks_binary(body):
        raise BinaryContent("The upload looks like binary data, not a text document.")
    other = from_bytes(body).best()  # Japanese, Korean, Western: encodings we do not verify ourselves
    if other is not None and other.encoding and not other.encoding.startswith(("gb", "big5", "utf")):
        text = str(other)
        if not _CONTROL_CHARS.search(text[:SAMPLE]) and other.chaos < 0.3:
            return Decoded(text, other.encoding.replace("_", "-"), "detected", round(1.0 - other.chaos, 3))
    if fitting:
        raise UndecodableContent(
            f"The text encoding is ambiguous: read as {fitting[0].name} it is not plausible Chinese text.",
            encoding="ambiguous",
        )
    raise UndecodableContent("No text encoding decodes this upload without many errors.")


def _detect_wide(body: bytes) -> Decoded:
    """NUL bytes: UTF-16 or UTF-32 without a BOM (ASCII in them is half NULs), or binary."""
    options = [("utf-32-le", "utf-32-le"), ("utf-32-be", "utf-32-be")] if len(body) % 4 == 0 else []
    options += [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")] if len(body) % 2 == 0 else []
    for codec, name in options:
        candidate = _candidate(body, codec, name)
        if candidate.replaced == 0 and "\x00" not in candidate.text and candidate.score >= PLAUSIBLE:
            return _accept(candidate, "detected", candidate.score)
    raise BinaryContent("The upload contains NUL bytes and is not UTF-16 or UTF-32 text: it is not a text document.")


def _family(charset: str) -> tuple[str, str] | None:
    name = charset.strip().strip("\"'").lower()
    try:
        info = codecs.lookup(_WEB_ALIASES.get(name, name))
    except LookupError:
        return None
    if not info._is_text_encoding:  # type: ignore[attr-defined]  # rot13, base64, zlib: transforms, not charsets
        return None
    canonical = info.name
    return _FAMILIES.get(canonical, (canonical, canonical.replace("_", "-")))


def _sniff_declaration(body: bytes) -> str | None:
    # beautifulsoup4's sniffer reads `<meta charset>`, `http-equiv` and the XML declaration as
    # browsers do; only the head is searched, and only ASCII-compatible pages can declare this way.
    return EncodingDetector.find_declared_encoding(body[:2048], is_html=True)


def _candidate(body: bytes, codec: str, name: str, *, final: bool = True) -> _Candidate:
    """`final=False` for a prefix: a character cut in two at its end is not an error."""
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    text = decoder.decode(body, final=final)
    replaced = text.count("\ufffd")
    if replaced and codec == "utf-8":
        replaced -= body.count(b"\xef\xbf\xbd")  # U+FFFD that was in the text already
    return _Candidate(codec, name, text, replaced, _score(text))


def _is_acceptable(candidate: _Candidate) -> bool:
    """No undecodable bytes, or a tiny share of them (we replace and report those)."""
    if candidate.replaced == 0:
        return True
    return len(candidate.text) >= 20 and candidate.replaced <= max(1, len(candidate.text) * MAX_REPLACED_SHARE)


def _accept(candidate: _Candidate, method: str, confidence: float) -> Decoded:
    if "\x00" in candidate.text:
        raise BinaryContent("The upload contains NUL characters: it is not a text document.")
    warnings: tuple[str, ...] = ()
    if candidate.replaced:
        if not _is_acceptable(candidate):
            raise UndecodableContent(
                f"{candidate.replaced} byte sequences are not valid {candidate.name}: the text would be garbled."
            )
        warnings = (f"{candidate.replaced} undecodable byte sequence(s) replaced with U+FFFD",)
    return Decoded(candidate.text, candidate.name, method, round(min(1.0, confidence), 3), warnings)


def _score(text: str) -> float:
    """The share of the non-ASCII characters of a sample that are everyday Chinese ones."""
    sample = text[:SAMPLE]
    wide = _ASCII.sub("", sample)[:1024]
    if not wide:
        return 0.0 if _CONTROL_CHARS.search(sample) else 1.0
    return sum(map(_everyday_characters().__contains__, wide)) / len(wide)


def _looks_binary(body: bytes) -> bool:
    head = body[:SAMPLE]
    return len(_CONTROL_BYTES.findall(head)) > max(1, len(head) // 50)


@cache
def _everyday_characters() -> frozenset[str]:
    """GB2312 level 1 (3,755 everyday Simplified characters), Big5 level 1 (5,401 everyday
    Traditional ones), CJK and full-width punctuation, and the Latin-1 and general punctuation that
    Chinese text uses. Built once, from the codecs themselves: no table to keep in the repository."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((lead, trail)).decode("gb2312"))
    for lead in range(0xA4, 0xC7):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((lead, trail)).decode("big5"))
    chars.update(chr(code) for code in range(0x3000, 0x3040))  # CJK punctuation, 　 、 。 《 》 【 】
    chars.update(chr(code) for code in range(0xFF01, 0xFF5F))  # full-width ！ （ ） ， ０-９ Ａ-Ｚ
    chars.update(chr(code) for code in range(0x2010, 0x2040))  # — ‘ ’ “ ” … ‰
    chars.update("\u00a0\u00b7\u00d7\u00f7\u00b0\u00a7\u2116\u2160\u2161\u2162\u2163\u2164\ufeff\u200b")
    return frozenset(chars)
