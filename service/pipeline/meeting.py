"""Stage `meeting`: how the meeting was held, where, and how many took part.

- `format`, in order: `以电视电话会议（的）形式召开` (a format word from `meeting_formats.txt`
  inside 以…形式/方式, or there only, a bare 视频/线上/现场…: `以视频形式召开`), or the meeting
  as the subject of 采取/采用…方式 (`会议采取线上线下相结合方式`: two ways at once are given as
  written, 线上线下相结合); then a format word in a sentence that says the meeting was held
  (召开/举行/…): `全省视频会议召开`, but not `传达…电视电话会议精神`, another meeting's.
  Nothing otherwise: a speech or a report that names no format has none.
- `location`: `在长春召开` gives 长春, `在京召开` gives 京, `在贵阳签署…协议` gives 贵阳,
  `在北京人民大会堂隆重举行` gives 北京人民大会堂, `在省防指主持召开` gives 省防指, and a video
  meeting's main venue, `在石柱县设主会场` or `主会场设在济南`, gives 石柱县 or 济南; what stands
  between 在 and the verb must hold a place or a venue word, or be a place or an organization the
  earlier stages found. Else a notice's own `会议地点` item: `二、会议地点\n省行政学院（…路1号）`
  gives 省行政学院.
- `attendance`: where a quorum is stated (`应到45人，实到39人`), the 实到 count; else `共800余人`,
  `约300人`, `共2.6万余名`, in a clause that says they attended (参加, 出席, 与会 …); a bare count
  with those it counts named before it: `出席全会的有市委委员45名` gives 市委委员45名, and a count of
  名 with them named after it: `共180名学员参加培训` gives 共180名学员.
Each comes with its evidence: offsets and the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import chain

from service import resources
from service.lexicons import Lexicons
from service.pipeline.article import Article, Entity, Evidence, Meeting, Options, evolve

_HELD = "召开|举行|举办|开幕|闭幕|开班|进行"
# 以电视电话会议形式开到县（市、区）: held down to the counties is held too
# 会议采取线上线下相结合方式: with the meeting as its subject, 采取/采用…方式 says how it was held
# and needs no verb of holding after it
_FORMAT_PHRASE = re.compile(rf"以(?P<format>[^，。；\n]{{2,14}}?)(?:的)?(?:形式|方式)(?:{_HELD}|开到|开至)")
# (a pattern of its own, tried only where 会议采 stands: one alternation with 以… cost `re` its
# scan for 以, 24 -> 32 µs a seed)
_FORMAT_TAKEN = re.compile(r"会议(?:采取|采用)(?P<format>[^，。；\n]{2,14}?)(?:的)?(?:形式|方式)")
# Words that name a format only inside 以…形式/方式: 以视频形式召开, 以书面形式召开 ...
_PHRASE_ONLY_FORMAT = re.compile(r"视频|线上|线下|网络|远程|现场|书面|电视电话")
# ... each a meeting held that way: 以视频形式召开 gives 视频会议 (the evidence points at 视频, and
# 会议 is written as the word is: 以視頻形式召開 gives 視頻會議).
_MEETING, _MEETING_TRADITIONAL = "会议", "會議"
# Two ways held at once, 以现场和视频相结合方式, 采取线上线下相结合方式: neither alone is the format, and
# the phrase is reported as written (a label may name either half).
_JOINT_FORMAT = re.compile(
    r"(?:视频|线上|线下|网络|远程|现场|书面|电视电话)(?:会议)?(?:和|与|及|、|加|[+＋])?"
    r"(?:视频|线上|线下|网络|远程|现场|书面|电视电话)(?:会议)?(?:相结合|结合)?"
)
# 传达学习全省防汛工作电视电话会议精神: a format word in a phrase that conveys another meeting's spirit,
# speech or arrangements names that meeting, not the one reported
_OTHER_MEETING = re.compile(r"精神|上的(?:重要)?讲话|上讲话|的部署|部署要求|部署[，。；、]")
_SENTENCE = re.compile(r"[^。！？；\n]+")
_HELD_RE = re.compile(_HELD)
# 双方在贵阳签署合作协议: a signing is held where the parties sign (only a venue, for no meeting's
# format is told by it)
_SIGNED = "签署|签订|签约"
# 对 opens the object of an act, so no venue runs over it (在仁爱礁附近海域对外国船只进行拦截)
_LOCATION = re.compile(
    r"在(?P<location>[^，。；、\s“”‘’《》（）()对]{1,15}?)"
    rf"(?:以[^，。；\n]{{1,14}}?(?:形式|方式))?(?:隆重|顺利|正式|胜利)?(?:{_HELD}|{_SIGNED}|设主会场|设立主会场)"
)  # 会议在石柱县设主会场，各区县设分会场: a video meeting is where its main venue is
# 省长在省防指主持召开: the one who chaired it stands between the venue and the verb. Read only
# after a place or an organization found earlier (`(?:主持)?` in `_LOCATION` cost 5.6 -> 6.8 µs a
# seed, a `find` of 主持召开 ~1 µs; the found names' mentions are a handful)
_CHAIRED = ("主持召开", "主持举行")
# 会议以视频形式召开，主会场设在济南，各市设分会场: the main venue, named after 设在/设于
_MAIN_VENUE = re.compile(r"主会场设(?:在|于)(?P<location>[^，。；、\s“”‘’《》（）()]{1,15})")
# A notice's item `二、会议地点` (or `会议地点：`), the venue on the same or the next line; an
# address in brackets after it is left out.
_NOTICE_VENUE = re.compile(r"会议地点(?:[:：][ \t　]*|[ \t　]*\n[ \t　]*)(?P<location>[^（(。；，,\n]{2,40})")
_VENUE = re.compile(
    r"(?:会场|大厦|宾馆|酒店|饭店|会议中心|会展中心|国际会议中心|会堂|礼堂|会议室|厅|广场|体育馆|剧院|党校|基地|中心|园区|山庄)$"
)  # 厅: 会议厅, 报告厅, 多功能厅; 会堂: 人民大会堂, 市人民会堂
# A head count: (共|约|…)? + a number + 名/人. The number is searched for alone, so `re` can scan for
# its first character, and the word before it is added by `_head_counts` (the stage 78 -> 32 µs a seed).
# one class, then its repeat (not `[…]+`): `re` scans ahead for a pattern's first character only
# when the pattern opens with a single character or class
_NUMERAL = "[0-9０-９一二三四五六七八九十百千万]"
# 2.6万余名, ３．５万人: a decimal count is whole, not cut at its point (6万余名)
_NUMBER = rf"{_NUMERAL}{_NUMERAL}*(?:[.．][0-9０-９][0-9０-９]*[十百千万]*)?"
_HEAD_COUNT = re.compile(rf"{_NUMBER}(?:余|多)?(?:名|人)(?![次口])")
_COUNT_LEADS = ("总计", "合计", "超过", "共", "约", "近", "逾", "计", "达")  # the longest first
_ATTENDED = re.compile(r"参加|出席|参会|与会|列席|到会|在主会场|在分会场")
# 出席全会的有市委委员45名: those who came, named right before a bare count, are part of it. The
# noun phrase runs back to the nearest 的, verb or mark (the greedy `.*` finds the nearest); after
# 、 or ， it is the last item of a list the count sums, and is left out.
_ATTENDEE_NOUNS = "委员|代表|人员|干部|党员|职工|群众|同志|负责人|嘉宾|学生|学员|专家|学者|居民|村民|教师|员工"
_ATTENDEES = re.compile(
    r".*(?P<cut>的有|的|出席|参加|列席|[。！？；\n：:、，,])"
    rf"(?P<noun>[^的、，,。！？；\n：:和及与等0-9０-９]{{0,6}}(?:{_ATTENDEE_NOUNS}))$",
    re.DOTALL,  # the nearest cut may be a line break
)
# 共180名学员参加培训, 60名基层干部参加: those counted, named right after a count of 名, are part of
# it too, with a few characters before the noun, none of a mark, a conjunction or a verb of attendance
_ATTENDEE_NOUN_AFTER = re.compile(rf"[^的、，,。！？；\n：:和及与等参出列到0-9０-９]{{0,4}}?(?:{_ATTENDEE_NOUNS})")
_ATTENDEES_REACH = 12  # the cut and the noun phrase: at most 3 + 6 + 3 characters
# 会议应到委员45人，实到39人，符合法定人数: those present are the 实到 count, not the 应到 one (after
# 应出席, a bare 出席 or 到会 is it too: 应出席代表500名，出席482名)
_PRESENT = re.compile(
    r"应(?:到会|到|出席)[^。；\n]{0,30}?[，,、]"
    rf"(?P<present>(?:实(?:际)?(?:到会|到|出席)|到会|出席)[^，。；\n\d]{{0,10}}?{_NUMBER}(?:余|多)?(?:名|人)(?![次口]))"
)


def extract_meeting(article: Article, options: Options) -> Article:
    metadata = article.metadata
    found = (*metadata.places, *metadata.organizations)
    is_notice = "通知" in (metadata.title or "")  # 关于召开…会议的通知
    meeting = find_meeting(
        article.simplified, resources.get().lexicons, written=article.text, found=found, is_notice=is_notice
    )
    return evolve(article, metadata=evolve(metadata, meeting=meeting))


def find_meeting(
    text: str,
    lex: Lexicons,
    *,
    written: str | None = None,
    found: Sequence[Entity] = (),
    is_notice: bool = True,
) -> Meeting:
    """The meeting as `text` (the Simplified copy) tells it; values as `written` has them.
    `found`: the places and organizations the earlier stages found, each a venue where it is named;
    `is_notice`: whether the text may be a notice, with a `会议地点` item."""
    evidence: list[Evidence] = []
    meeting_format = _format(text, lex, evidence)
    location = _location(text, lex, found, evidence, remote=meeting_format is not None, is_notice=is_notice)
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
        meeting_format = _as_written_format(meeting_format, text, written, spans.get("format"))
    return Meeting(format=meeting_format, location=location, attendance=attendance, evidence=tuple(evidence))


def _format(text: str, lex: Lexicons, evidence: list[Evidence]) -> str | None:
    # 1. 以…形式召开, with a known format word inside (or two, held at once)
    phrases = _FORMAT_PHRASE.finditer(text)
    if "会议采" in text:  # 会议采取线上线下相结合方式, or 会议采用视频方式
        phrases = chain(phrases, _FORMAT_TAKEN.finditer(text))
    for match in phrases:
        inside = match["format"]
        word = (
            _JOINT_FORMAT.search(inside) or lex.meeting_format_re.search(inside) or _PHRASE_ONLY_FORMAT.search(inside)
        )
        if word:
            start = match.start("format") + word.start()
            evidence.append(Evidence(start, start + len(word.group()), "format:以…形式"))
            is_phrase_only = word.re is _PHRASE_ONLY_FORMAT
            return word.group() + _MEETING if is_phrase_only else word.group()
    # 2. a format word in a sentence that says a meeting was held, unless it names another meeting
    for word in lex.meeting_format_re.finditer(text):
        sentence = _sentence_around(text, word.start())
        if _HELD_RE.search(sentence) and not _OTHER_MEETING.match(text, word.end()):
            evidence.append(Evidence(word.start(), word.end(), "format:held-sentence"))
            return word.group()
    return None


def _as_written_format(value: str | None, text: str, written: str, span: Evidence | None) -> str | None:
    """视频会议 named by 以視頻形式召開: the word as written, and 会议 in the same script."""
    if value is None or span is None or value != text[span.start : span.end] + _MEETING:
        return value
    word = written[span.start : span.end]
    return word + (_MEETING_TRADITIONAL if word != text[span.start : span.end] else _MEETING)


def _location(
    text: str, lex: Lexicons, found: Sequence[Entity], evidence: list[Evidence], *, remote: bool, is_notice: bool
) -> str | None:
    for match in _LOCATION.finditer(text):  # 在长春召开
        start, end = match.span("location")
        if _is_venue(match["location"], lex) or _is_found(start, end, found):
            evidence.append(Evidence(start, end, "location:在…召开"))
            return match["location"]
    for entity in found:  # 在省防指主持召开
        for mention in entity.mentions:
            if text.startswith(_CHAIRED, mention.end) and text[mention.start - 1 : mention.start] == "在":
                evidence.append(Evidence(mention.start, mention.end, "location:在…主持召开"))
                return text[mention.start : mention.end]
    # 主会场设在济南: only a meeting held over a link has a main venue (so the find is made only there)
    if remote and "主会场设" in text:
        for match in _MAIN_VENUE.finditer(text):
            if _is_venue(match["location"], lex):
                evidence.append(Evidence(*match.span("location"), "location:主会场设在"))
                return match["location"]
    # a notice's own item: it names a venue that is still to come, so it is tried last (and only in
    # a notice, where the `find` is made)
    notice = _NOTICE_VENUE.search(text) if is_notice and "会议地点" in text else None
    if notice is not None:
        place = notice["location"].rstrip()
        if _is_venue(place, lex) or lex.place_index.lengths_at(place):
            start = notice.start("location")
            evidence.append(Evidence(start, start + len(place), "location:会议地点"))
            return place
    return None


def _is_found(start: int, end: int, found: Sequence[Entity]) -> bool:
    """Whether a place or an organization found earlier is named at text[start:end] (a town the
    lexicon lacks, 别力古台镇; an office, 省防汛抗旱指挥部). Asked only of what is no venue by its words."""
    return any(m.start == start and m.end == end for entity in found for m in entity.mentions)


def _is_venue(place: str, lex: Lexicons) -> bool:
    """A place name opens `place` (长春, 北京人民大会堂), it is a one-character one (京), or a venue
    word ends it (会议室)."""
    return 0 in lex.place_index.lengths_at(place) or place in lex.place_one_char or _VENUE.search(place) is not None


def _attendance(text: str, evidence: list[Evidence]) -> str | None:
    present = _PRESENT.search(text) if "应" in text else None
    if present is not None:
        evidence.append(Evidence(present.start("present"), present.end("present"), "attendance:实到"))
        return present["present"]
    for start, end in _head_counts(text):
        if _ATTENDED.search(_sentence_around(text, start)):
            named_from = _attendees_start(text, start)
            end = _attendees_end(text, end)
            evidence.append(Evidence(named_from, end, "attendance"))
            return text[named_from:end]
    return None


def _attendees_start(text: str, start: int) -> int:
    """Where a bare count (no 共/约 …) starts with those it counts: 市委委员45名 of 出席全会的有市委委员45名."""
    if text.startswith(_COUNT_LEADS, start):
        return start
    named = _ATTENDEES.match(text, max(0, start - _ATTENDEES_REACH), start)
    if named is None or named["cut"] in "、，,":
        return start
    return named.start("noun")


def _attendees_end(text: str, end: int) -> int:
    """Where a count of 名 ends with those it counts named after it: 共180名学员 of 共180名学员参加培训
    (a count of 人 is followed by its verb: 共120人参加)."""
    if not text.endswith("名", 0, end):
        return end
    noun = _ATTENDEE_NOUN_AFTER.match(text, end)
    return end if noun is None else noun.end()


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
