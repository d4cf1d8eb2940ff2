"""Stage `meeting`: how the meeting was held, where, and how many took part.

- `format`, in order: `以电视电话会议（的）形式召开` (a format word from `meeting_formats.txt`
  inside 以…形式/方式, or there only, a bare 视频/线上/现场…: `以视频形式召开`), or the meeting
  as the subject of 采取/采用…方式 (`会议采取线上线下相结合方式`); then a format word in a
  sentence that says the meeting was held (召开/举行/…): `全省视频会议召开`.
  Nothing otherwise: a speech or a report that names no format has none.
- `location`: `在长春召开` gives 长春, `在京召开` gives 京, `在北京人民大会堂隆重举行` gives
  北京人民大会堂, and a video meeting's main venue, `在石柱县设主会场`, gives 石柱县; what stands
  between 在 and the verb must hold a place or a venue word.
- `attendance`: `共800余人`, `约300人`, in a clause that says they attended (参加, 出席, 与会 …).
Each comes with its evidence: offsets and the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from service import resources
from service.lexicons import Lexicons
from service.pipeline.article import Article, Evidence, Meeting, Options, evolve

_HELD = "召开|举行|举办|开幕|闭幕|开班|进行"
# 以电视电话会议形式开到县（市、区）: held down to the counties is held too
# 会议采取线上线下相结合方式: with the meeting as its subject, 采取/采用…方式 says how it was held
# and needs no verb of holding after it
_FORMAT_PHRASE = re.compile(rf"以(?P<format>[^，。；\n]{{2,14}}?)(?:的)?(?:形式|方式)(?:{_HELD}|开到|开至)")
# (a pattern of its own, tried only where 会议采 stands: one alternation with 以… cost `re` its
# scan for 以, 24 -> 32 µs a seed)
_FORMAT_TAKEN = re.compile(r"会议(?:采取|采用)(?P<format>[^，。；\n]{2,14}?)(?:的)?(?:形式|方式)")
# Words that name a format only inside 以…形式/方式: 以视频形式召开, 以线上线下相结合的方式举行.
_PHRASE_ONLY_FORMAT = re.compile(r"线上线下|视频|线上|网络|远程|现场|书面|电视电话")
# ... and the format they name: 以视频形式召开 is a 视频会议 (the evidence still points at 视频).
_FORMAT_OF = {
    "线上线下": "线上线下结合",
    "视频": "视频会议",
    "线上": "线上会议",
    "网络": "网络会议",
    "远程": "远程会议",
    "现场": "现场会议",
    "书面": "书面会议",
    "电视电话": "电视电话会议",
}
_SENTENCE = re.compile(r"[^。！？；\n]+")
_HELD_RE = re.compile(_HELD)
_LOCATION = re.compile(
    r"在(?P<location>[^，。；、\s“”‘’《》（）()]{1,15}?)"
    rf"(?:以[^，。；\n]{{1,14}}?(?:形式|方式))?(?:隆重|顺利|正式|胜利)?(?:{_HELD}|设主会场|设立主会场)"
)  # 会议在石柱县设主会场，各区县设分会场: a video meeting is where its main venue is
_VENUE = re.compile(
    r"(?:会场|大厦|宾馆|酒店|饭店|会议中心|会展中心|国际会议中心|大会堂|礼堂|会议室|报告厅|广场|体育馆|剧院|党校|基地|中心|园区|山庄)$"
)
# A head count: (共|约|…)? + a number + 名/人. The number is searched for alone, so `re` can scan for
# its first character, and the word before it is added by `_head_counts` (the stage 78 -> 32 µs a seed).
# one class, then its repeat (not `[…]+`): `re` scans ahead for a pattern's first character only
# when the pattern opens with a single character or class
_NUMERAL = "[0-9０-９一二三四五六七八九十百千万]"
_HEAD_COUNT = re.compile(rf"{_NUMERAL}{_NUMERAL}*(?:余|多)?(?:名|人)(?![次口])")
_COUNT_LEADS = ("总计", "合计", "超过", "共", "约", "近", "逾", "计", "达")  # the longest first
_ATTENDED = re.compile(r"参加|出席|参会|与会|列席|到会|在主会场|在分会场")


def extract_meeting(article: Article, options: Options) -> Article:
    meeting = find_meeting(article.simplified, resources.get().lexicons, written=article.text)
    return evolve(article, metadata=evolve(article.metadata, meeting=meeting))


def find_meeting(text: str, lex: Lexicons, *, written: str | None = None) -> Meeting:
    """The meeting as `text` (the Simplified copy) tells it; values as `written` has them."""
    evidence: list[Evidence] = []
    meeting_format = _format(text, lex, evidence)
    location = _location(text, lex, evidence)
    attendance = _attendance(text, evidence)
    if written is not None and len(written) == len(text) and written != text:
        # each value is the text of one piece of evidence, in this order: re-read it as written
        spans = {e.rule.split(":")[0]: e for e in evidence}
        values = []
        for key, value in (("format", meeting_format), ("location", location), ("attendance", attendance)):
            span = spans.get(key)
            is_as_found = value is not None and span is not None and text[span.start : span.end] == value
            values.append(written[span.start : span.end] if is_as_found else value)  # type: ignore[union-attr]
        meeting_format, location, attendance = values
    return Meeting(format=meeting_format, location=location, attendance=attendance, evidence=tuple(evidence))


def _format(text: str, lex: Lexicons, evidence: list[Evidence]) -> str | None:
    # 1. 以…形式召开, with a known format word inside
    phrases = _FORMAT_PHRASE.finditer(text)
    if "会议采" in text:  # 会议采取线上线下相结合方式, or 会议采用视频方式
        phrases = chain(phrases, _FORMAT_TAKEN.finditer(text))
    for match in phrases:
        word = lex.meeting_format_re.search(match["format"]) or _PHRASE_ONLY_FORMAT.search(match["format"])
        if word:
            start = match.start("format") + word.start()
            evidence.append(Evidence(start, start + len(word.group()), "format:以…形式"))
            return _FORMAT_OF.get(word.group(), word.group())
    # 2. a format word in a sentence that says a meeting was held
    for word in lex.meeting_format_re.finditer(text):
        sentence = _sentence_around(text, word.start())
        if _HELD_RE.search(sentence):
            evidence.append(Evidence(word.start(), word.end(), "format:held-sentence"))
            return word.group()
    return None


def _location(text: str, lex: Lexicons, evidence: list[Evidence]) -> str | None:
    for match in _LOCATION.finditer(text):
        place = match["location"]
        is_place = 0 in lex.place_index.lengths_at(place) or place in lex.place_one_char
        if is_place or _VENUE.search(place):
            evidence.append(Evidence(match.start("location"), match.end("location"), "location:在…召开"))
            return place
    return None


def _attendance(text: str, evidence: list[Evidence]) -> str | None:
    for start, end in _head_counts(text):
        if _ATTENDED.search(_sentence_around(text, start)):
            evidence.append(Evidence(start, end, "attendance"))
            return text[start:end]
    return None


def _head_counts(text: str) -> Iterator[tuple[int, int]]:
    """The spans `finditer` of `(?:共|约|…)?` + `_HEAD_COUNT` gives: a lead word right before the
    number is taken in, the longest (earliest) one that starts after the previous count."""
    position = 0
    while (match := _HEAD_COUNT.search(text, position)) is not None:
        start = match.start()
        for lead in _COUNT_LEADS:
            if start - len(lead) >= position and text.startswith(lead, start - len(lead)):
                start -= len(lead)
                break
        yield start, match.end()
        position = match.end()


def _sentence_around(text: str, at: int) -> str:
    start = max(text.rfind(mark, 0, at) for mark in "。！？；\n") + 1
    ends = [i for i in (text.find(mark, at) for mark in "。！？；\n") if i != -1]
    return text[start : min(ends, default=len(text))]
