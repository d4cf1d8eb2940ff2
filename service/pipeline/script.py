"""Simplified or Traditional, and the Simplified copy (`analysis_text`) the analysers read.

`text` stays as written. `analysis_text` has exactly its length, so every offset found in the
copy points at the same characters in `text`. OpenCC's phrase tables convert whole words; where
a line's conversion changes its length, that line is converted character by character instead.
"""

from __future__ import annotations

import re
from functools import cache

import opencc

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_NOT_CJK = re.compile(rf"[^{_CJK}][^{_CJK}]*")  # [^..]+, opening with one character: see cleaning._PLACEHOLDER_HINT
TRADITIONAL_SHARE = 0.05  # of the CJK characters changed by t2s: more than stray characters


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplified_copy(text: str) -> tuple[str, str]:
    """(language, analysis_text): `zh-Hant` when a fair share of characters are Traditional."""
    converted = _converter().convert(text)
    if converted == text:
        return "zh-Hans", text
    if len(converted) != len(text):
        converted = "\n".join(_convert_line(line) for line in text.split("\n"))
    changed = sum(map(str.__ne__, text, converted))
    cjk = len(_NOT_CJK.sub("", text))
    is_traditional = changed >= 2 and changed >= TRADITIONAL_SHARE * cjk
    return ("zh-Hant" if is_traditional else "zh-Hans"), converted


def to_simplified(text: str) -> str:
    """`text` in Simplified script, by the same converter as the copy (lengths may differ)."""
    return _converter().convert(text)


def _convert_line(line: str) -> str:
    converted = _converter().convert(line)
    if len(converted) == len(line):
        return converted
    return "".join(_convert_char(char) for char in line)


@cache
def _convert_char(char: str) -> str:
    converted = _converter().convert(char)
    return converted if len(converted) == 1 else char
