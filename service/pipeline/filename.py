"""A file name as the corpus writes it: `225市场监管总局召开…动员部署会.txt` -> number 225 and a title.

The number is glued to the title, so a title that starts with a year keeps it: `2022年全国…` has
no number, and `3062022年全国…` is number 306 with the title `2022年全国…` (the last four digits
before 年 are the year when they make one). The same reading serves the first line of an upload
and the upload's own name; a line without an extension must look like a name, not a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_EXTENSION = re.compile(r"^(?P<stem>[^<>\n]{1,200}?)\s*\.(?:txt|docx?|html?|wps|rtf|pdf)$", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"^(?P<digits>\d{1,12})(?P<rest>.*)$", re.DOTALL)
_SEPARATOR = re.compile(r"^[\s_\-.、．]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A number followed by one of these is a quantity or a date in a sentence, not a file number.
_UNIT = frozenset("年月日号號时時点點分秒%％万萬亿億千百十余餘多个個名人项項条條次倍元届屆期级級岁歲天周週")
# A unit that is also a surname is a unit only before these (3周年, 30余人); else a name opens the
# title: 1572周恒远主持召开…, 86余建国在…
_UNIT_SURNAME = {"周": "年岁歲内內后後以来來左起的", "余": "人名个個家项項次万萬亿億件元年天岁歲户戶"}
# Words that open with a unit and are no quantity: 266人民银行召开…, 225天津市…, 12百色市…; 人社 is
# the short form of 人力资源和社会保障 (人社部, 人社厅, 人社局), 人防 of 人民防空, 人武部 of 人民武装部
_UNIT_WORDS = (
    "人民",
    "人大",
    "人力资源",
    "人社",
    "人防",
    "人武部",
    "天津",
    "天水",
    "天门",
    "万州",
    "万宁",
    "百色",
    "十堰",
    "个旧",
    "千岛湖",
)
# A number glued to a Latin letter is a name of its own: 5G, 3D, 4K, 12345A (never a file number)
_LATIN = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
)
# Without an extension, a longer number opens a sentence or a title of its own (12345热线, the
# hotline), not a file name: the corpus's numbers have four digits at most
MAX_LINE_NUMBER_DIGITS = 4
_SENTENCE_END = re.compile(r"[。！？；，：,;:!?]$")
MAX_NAME_LINE = 80  # characters: a longer first line is a paragraph


@dataclass(frozen=True, slots=True)
class FileName:
    number: int | None
    title: str | None


def parse_file_name(name: str, *, needs_extension: bool = False) -> FileName | None:
    """Read a file name (or a first line); None when it is not one."""
    name = name.strip().replace("\\", "/").rsplit("/", 1)[-1].strip()
    match = _EXTENSION.match(name)
    if match:
        stem = match.group("stem").strip()
    elif needs_extension or len(name) > MAX_NAME_LINE or _SENTENCE_END.search(name):
        return None
    else:
        stem = name
    number, title = _split_number(stem, allow_separator=bool(match))
    if not match and (number is None or not title or not _CJK.search(title)):
        return None  # without an extension only `<number><title>` marks a file name
    if not match and len(str(number)) > MAX_LINE_NUMBER_DIGITS:
        return None
    return FileName(number, title if title and _CJK.search(title) else None)


def _split_number(stem: str, *, allow_separator: bool) -> tuple[int | None, str | None]:
    match = _LEADING_NUMBER.match(stem)
    if not match:
        return None, stem or None
    digits, rest = match.group("digits"), match.group("rest")
    if not rest:
        return int(digits), None
    if rest[0] == "年":  # a year: 4 digits at most are all title; more: the last four are the year
        year = digits[-4:]
        if len(digits) > 4 and 1900 <= int(year) <= 2099:
            return int(digits[:-4]), year + rest
        return None, stem
    if rest[0] == "月":  # a month: 10-12 when the last two digits make one, else the last digit
        if len(digits) > 2 and 10 <= int(digits[-2:]) <= 12:
            return int(digits[:-2]), digits[-2:] + rest
        if len(digits) > 1 and digits[-1] != "0":
            return int(digits[:-1]), digits[-1] + rest
        return None, stem
    surname_unit = _UNIT_SURNAME.get(rest[0])
    if surname_unit is not None and rest[1:2] not in surname_unit:
        pass  # 周恒远: a surname, not a unit
    elif rest.startswith(_UNIT_WORDS):
        pass  # 人民银行: a word, not 266人
    elif rest[0] in _UNIT or rest[0] in ".．" or rest[0] in _LATIN:
        return None, stem
    separator = _SEPARATOR.match(rest)
    if separator:
        if not allow_separator:
            return None, stem
        rest = rest[separator.end() :]
    return int(digits), rest.strip() or None
