"""Stage `dates`: every date mentioned, and the one date of the event the article reports.

Mentions (`dates`), one regex pass over the text:
- written-out dates: `2019年6月6日`, `6月6日下午`, `二〇一九年六月六日`, full-width digits,
  year-only `2014年`, month-only `6月`, day-only `17日下午`, ranges `26日至27日`;
- numeric dates with a four-digit year: `2019-06-06`, `2019.6.6`, `2019/6/6`.
What is missing stays null. Not dates: `“1.17”` case numbers (no year), `70周年`, `十九大`,
`800余人`, `12字`, `三年` (a year needs four digits).

The event date (`event_date`), strategies in order:
1. `paragraph-lead`: a date with month and day that opens one of the first paragraphs, alone, after
   a dateline (`新华社北京6月6日电`, `本报讯（记者 …）`, `据陕西日报报道`) or after an occasion
   (`春节来临之际，`), and followed by a comma, not by 起/前/后 (an effective date or a deadline).
2. `lead-sentence-verb`: the first date of the lead sentence with 召开/举行/… later in its clause.
A date deeper in the text belongs to something else (`5月31日在…会议上发表重要讲话`): no event
date then. The year is never taken from the clock: where the event date has none, it is inferred
only from the full dates (year, month, day) elsewhere in the document, when they agree on one
year, leaving out those that bound a term (`至2027年12月31日`, `2024年1月1日起`), and the date
says `inferred`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from service.lexicons import char_positions
from service.pipeline.article import Article, DateMention, Options, evolve

_DIGIT = "0-9０-９"
_CN_DIGIT = "〇零○一二三四五六七八九"
_CN_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}

_YEAR = rf"[{_DIGIT}]{{4}}|[{_CN_DIGIT}]{{4}}"
_MONTH = rf"[{_DIGIT}]{{1,2}}|十[一二]?|[一二三四五六七八九]"
_DAY = rf"[{_DIGIT}]{{1,2}}|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
_PART = "凌晨|清晨|早晨|早上|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|深夜|夜里|晚|夜"  # 14日晚，14日夜，
_RANGE = "至|到|——|—|－|-|~|～"
# A weekday written beside a day belongs to it: 1月16日（星期五）, 2010年2月3日，星期三, and a part
# of the day may follow it (12月18日（星期三）下午).
_WEEKDAY = "(?:[（(](?:星期|礼拜|周)[一二三四五六日天][）)]|[，,]星期[一二三四五六日天](?=[）)]))"

_WRITTEN = re.compile(
    rf"(?<![{_DIGIT}{_CN_DIGIT}十.．])"
    rf"(?=[{_DIGIT}{_CN_DIGIT}十])"
    rf"(?:(?P<y>{_YEAR})年(?!代))?"
    rf"(?:(?P<m>{_MONTH})(?:(?:{_RANGE})(?P<m3>{_MONTH}))?月)?"  # 1至2月, 1—5月: one month range
    rf"(?:(?P<d>{_DAY})(?P<unit>[日号]))?"
    rf"(?:(?:{_RANGE})(?:(?P<m2>{_MONTH})月)?(?P<d2>{_DAY})[日号]"
    rf"|(?(d)(?!)|(?(m3)(?!)|(?:{_RANGE})(?P<m4>{_MONTH})月(?![{_DIGIT}{_CN_DIGIT}十]))))?"  # 1月至5月
    rf"(?(d){_WEEKDAY}?)"  # a weekday only after a day
    rf"(?P<p>{_PART})?"
)
# Where a written date may start: the first character of `_WRITTEN`, its look-behind, and a
# unit (年月日号) or a range mark within four characters, as every date's first number has.
# `_WRITTEN` opens with look-arounds, so `re` would try it at every character of the text; this
# opens with a character class, which `re` scans for (written dates 37 -> 10 µs a seed).
_WRITTEN_START = re.compile(
    rf"[{_DIGIT}{_CN_DIGIT}十](?<![{_DIGIT}{_CN_DIGIT}十.．][{_DIGIT}{_CN_DIGIT}十])"
    rf"(?=[{_DIGIT}{_CN_DIGIT}十]{{0,3}}(?:[年月日号]|{_RANGE}))"
)
# The look-behind stands after the year (a digit, dot or slash before it, then the year's 4
# characters), so the pattern opens with 19|20 and `re` scans for those (21 -> 6 µs a seed).
_NUMERIC = re.compile(
    r"(?P<y>(?:19|20)\d{2})(?<![0-9０-９.．/-]....)(?P<sep>[-/.．])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![0-9.．])日?"
)
_NUMERIC_SEPARATORS = "-/.．"  # `_NUMERIC`'s first separator stands straight after the year
_YEAR_LENGTH = 4
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
# A day count, not a day: 30日内, 15日以内, 之日起30日 (a day-only mention before or after these).
_DURATION_AFTER = ("内", "以内", "之内", "以上", "左右")
_DURATION_BEFORE = ("之日起", "日起", "之日", "起", "后", "满", "超过", "不超过", "每")

# What may stand before a lead date: a dateline ("新华社北京6月6日电", "本报讯（记者 张三）").
_DATELINE_END = ("讯", "讯）", "讯)", "）", ")", "：", ":")
# ... or the source it is reported from, whatever the mark after it: 据陕西日报报道　9月14日晚，…,
# 记者从省人民政府办公厅获悉，2026年1月9日，…
_REPORTED_BY = re.compile(
    r"(?:据[^，。；！？\n]{2,12}?(?:报道|消息)|(?:记者)?从[^，。；！？\n]{2,20}?(?:获悉|了解到))[，,：: 　]*"
)
_LEAD_SEPARATOR = "，,、 　"
# A dateline's day ends with 电 (新华社北京6月6日电) or 讯 (本报成都7月2日讯): the day of the report.
_DATELINE_MARKS = ("电", "讯")
# An aside after a lead date, read past: 2月1日（农历腊月二十七），… (the lunar date of the same day)
_DATE_ASIDE = re.compile(r"[（(]农历[^（()）\n]{2,8}[）)]")
_NOT_EVENT_AFTER = "起前后以至到"
_EVENT_VERB = re.compile(
    r"[^。；！？\n]{0,40}?(?:召开|举行|举办|开幕|闭幕|开班|启动|揭牌|召集|座谈|会见|会谈|调研|考察|视察)"
)
_LEAD_PARAGRAPHS = 3
_MIN_PROSE = 8  # a lead paragraph has some words: rules and image-placeholder lines do not count
# `_MIN_PROSE` Chinese characters: the match stops at the last one needed, where counting all of
# them (findall) read up to 200 characters of each paragraph (lead paragraphs 29 -> 6 µs a seed).
_SOME_PROSE = re.compile(f"(?:[^\u4e00-\u9fff]*+[\u4e00-\u9fff]){{{_MIN_PROSE}}}")
_DATE_LINE_WRAP = re.compile(r"[\s（）()【】\[\]]")
# After a dateline (新华社北京6月10日电), these say the event came before the day of the report.
_VAGUE_LEAD = re.compile(r"日前|近日|近期|前不久|不久前|此前|近来|上周|昨天|昨日|前天|前日|获悉")
# …unless the lead sentence names the report's day first, for what was announced on it:
# 新华社北京6月24日电 国家医疗保障局24日发布消息，…日前在上海开标 (the release is the news).
_ANNOUNCED = re.compile(r"[^。；，,]{0,12}?(?:发布|宣布|公布|通报|发出|印发)")
# An occasion that may open the lead before its date: 新春佳节即将来临之际，2月1日至2日，…
_OCCASION = re.compile(r"[^。；！？，,\n]{1,20}(?:之际|前夕|期间)[，,]")
# A full date that ends a term (延续实施至2027年12月31日) or opens one (自2024年1月1日起) is no
# evidence of the year the article reports on.
_TERM_BEFORE = "至到止"


def extract_dates(article: Article, options: Options) -> Article:
    mentions = find_dates(article.simplified)  # 號 and 電 read as 号 and 电; offsets shared with text
    if article.simplified is not article.text:
        mentions = tuple(_as_written(m, article.text) for m in mentions)
    event = find_event_date(article, mentions)
    metadata = evolve(article.metadata, dates=mentions, event_date=event)
    return evolve(article, metadata=metadata)


def find_dates(text: str) -> tuple[DateMention, ...]:
    """Every date mention in `text`, in order, each with its offsets and the rule that found it."""
    found: list[DateMention] = []
    taken_until = -1
    numeric = {m.start(): m for m in _numeric_matches(text)}
    for match in _written_matches(text):
        mention = _written(match)
        if mention is not None and not _is_duration(text, mention):
            found.append(mention)
    for start, match in numeric.items():
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append(_mention(match.group(), year, month, day, None, start, match.end(), "numeric"))
    found.sort(key=lambda d: d.start)
    result = []
    for mention in found:  # the two passes never overlap in practice; keep the first if they do
        if mention.start >= taken_until:
            result.append(mention)
            taken_until = mention.end
    return tuple(result)


def _numeric_matches(text: str) -> Iterator[re.Match[str]]:
    """`_NUMERIC.finditer(text)`, tried only where a year would end at a separator (-/.．, few in
    Chinese text), where `re` scanned all of it for 1 and 2 (7 -> 1 µs a seed). In text order,
    each from past the last match, as finditer goes on."""
    last_end = 0
    for separator in char_positions(text, _NUMERIC_SEPARATORS):
        start = separator - _YEAR_LENGTH
        if start >= last_end and (match := _NUMERIC.match(text, start)) is not None:
            yield match
            last_end = match.end()


def _written_matches(text: str) -> Iterator[re.Match[str]]:
    """The non-empty matches of `_WRITTEN.finditer(text)`, tried only where `_WRITTEN_START`
    finds a possible start. Where `_WRITTEN` matches nothing at a start, it matches nothing
    longer there either (each optional part failed on its own), so the scan moves on one."""
    at = 0
    while (start := _WRITTEN_START.search(text, at)) is not None:
        at = start.start()
        match = _WRITTEN.match(text, at)  # its look-behind still sees the text before `at`
        if match is not None and match.end() > at:
            yield match
            at = match.end()
        else:
            at += 1


def _is_duration(text: str, mention: DateMention) -> bool:
    """A bare day count (`30日内`, `自印发之日起30日`) is a span of days, not a day of the month."""
    if mention.month is not None or mention.year is not None or mention.part_of_day:
        return False
    return text.startswith(_DURATION_AFTER, mention.end) or text.endswith(_DURATION_BEFORE, 0, mention.start)


def _as_written(mention: DateMention, text: str) -> DateMention:
    written = text[mention.start : mention.end]
    return mention if written == mention.text else evolve(mention, text=written)


def _written(match: re.Match[str]) -> DateMention | None:
    year = _number(match["y"]) if match["y"] else None
    month = _number(match["m"]) if match["m"] else None
    day = _number(match["d"]) if match["d"] else None
    end_month = _number(match["m2"]) if match["m2"] else None
    end_day = _number(match["d2"]) if match["d2"] else None
    last_month = match["m3"] or match["m4"]  # a range of months: 1至2月, 1月至5月
    if last_month:
        end_month = _number(last_month)
        if not (month is not None and day is None and month < end_month <= 12):
            return None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    if year is not None and not 1900 <= year <= 2100:
        return None
    if day is None and end_day is not None:  # "6至8日" without the first 日: not a form we read
        return None
    if day is not None and month is None:
        # day-only: Arabic digits and 日 only ("17日下午"); "12号" is a number, "三日" a span
        if match["unit"] != "日" or not match["d"].translate(_FULLWIDTH).isdigit():
            return None
        if year is not None:  # "2019年17日" is no date
            return None
    if month is None and day is None and year is None:
        return None
    if match["m"] and not match["y"] and day is None and not match["m"].translate(_FULLWIDTH).isdigit():
        # month-only in Chinese numerals ("六月") is read only with a year or a day: 一月一次 is not a date
        return None
    text = match.group()
    part = match["p"]
    if part and day is None:  # 晚 after a bare month or year belongs to the next word
        text = text[: -len(part)]
        part = None
    ranged = end_day is not None or last_month
    rule = "written-range" if ranged else ("written-chinese" if _is_chinese(match) else "written")
    mention = _mention(text, year, month, day, part, match.start(), match.start() + len(text), rule)
    if end_day is not None:
        mention = evolve(mention, end_day=end_day, end_month=end_month if end_month is not None else month)
    elif last_month:
        mention = evolve(mention, end_month=end_month)
    return mention


def _is_chinese(match: re.Match[str]) -> bool:
    return any(match[g] and match[g][0] in _CN_DIGIT + "十" for g in ("y", "m", "d"))


def _number(written: str) -> int:
    written = written.translate(_FULLWIDTH)
    if written.isdigit():
        return int(written)
    if len(written) == 4:  # 二〇一九: digit by digit
        return int("".join(str(_CN_VALUE[c]) for c in written))
    if written.startswith("十"):  # 十, 十二
        return 10 + (_CN_VALUE[written[1]] if len(written) > 1 else 0)
    if "十" in written:  # 二十, 二十六, 三十一
        tens, _, ones = written.partition("十")
        return _CN_VALUE[tens] * 10 + (_CN_VALUE[ones] if ones else 0)
    return _CN_VALUE[written]


def _mention(
    text: str, year: int | None, month: int | None, day: int | None, part: str | None, start: int, end: int, rule: str
) -> DateMention:
    return DateMention(
        text=text,
        year=year,
        month=month,
        day=day,
        part_of_day=part,
        start=start,
        end=end,
        rule=rule,
        iso=_iso(year, month, day),
    )


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_event_date(article: Article, mentions: tuple[DateMention, ...]) -> DateMention | None:
    repeats_title = _repeats_title(article)
    event = _date_line(article, mentions, repeats_title=repeats_title)
    if event is None:
        # the lead paragraphs, found once for both strategies
        lead = _lead_paragraphs(article, repeats_title=repeats_title)
        event = _paragraph_lead(article, mentions, lead) or _lead_sentence_verb(article, mentions, lead)
    if event is None or event.year is not None:
        return event
    return _infer_year(event, mentions, article.simplified)


def _repeats_title(article: Article) -> bool:
    """Whether the first paragraph (the whole text, where there are none) only repeats the
    title: then it is no lead. Asked once for the three strategies."""
    title, text = article.metadata.title, article.simplified
    if not title:
        return False
    first = article.paragraphs[0] if article.paragraphs else None
    return _squash(text[first.start : first.end] if first else text) == _squash(title)


def _lead_paragraphs(article: Article, *, repeats_title: bool) -> list[tuple[int, int]]:
    """The first paragraphs of the body: a first line that only repeats the title is skipped."""
    text = article.simplified
    spans = [(p.start, p.end) for p in article.paragraphs] or [(0, len(text))]
    if repeats_title:
        spans = spans[1:]
    prose = []
    for start, end in spans:
        if _SOME_PROSE.match(text, start, min(end, start + 200)):
            prose.append((start, end))
            if len(prose) == _LEAD_PARAGRAPHS:
                break
    return prose


def _date_line(article: Article, mentions: tuple[DateMention, ...], *, repeats_title: bool) -> DateMention | None:
    # Strategy 0: a line that holds a date alone, under the title of a speech: （2024年2月23日）
    text = article.simplified
    spans = [(p.start, p.end) for p in article.paragraphs[: _LEAD_PARAGRAPHS + 1]]
    if repeats_title:
        spans = spans[1:]
    for start, end in spans[:2]:
        inside = [m for m in mentions if start <= m.start < end]
        if len(inside) != 1 or inside[0].day is None or inside[0].month is None:
            continue  # (the line is stripped of its brackets only where it may be that date)
        if _DATE_LINE_WRAP.sub("", text[start:end]) == inside[0].text:
            return evolve(inside[0], rule=f"{inside[0].rule}+date-line")
    return None


def _paragraph_lead(
    article: Article, mentions: tuple[DateMention, ...], lead: list[tuple[int, int]]
) -> DateMention | None:
    # Strategy 1: a date that opens a lead paragraph (`lead`), alone or after a dateline.
    text = article.simplified
    for start, end in lead:
        for mention in mentions:
            if mention.start < start or mention.start > start + 40:
                continue
            if mention.start >= end or mention.month is None or mention.day is None:
                break
            prefix = text[start : mention.start]
            aside = _DATE_ASIDE.match(text, mention.end)
            after_at = aside.end() if aside else mention.end
            after = text[after_at : after_at + 1]
            is_dateline = prefix and after in _DATELINE_MARKS and "。" not in prefix and "，" not in prefix
            is_byline = (prefix.endswith(_DATELINE_END) and "。" not in prefix) or (
                _REPORTED_BY.fullmatch(prefix) is not None
            )
            is_occasion = _OCCASION.fullmatch(prefix) is not None
            if prefix and not (is_dateline or is_byline or is_occasion):
                break
            if after and after in _NOT_EVENT_AFTER:
                break
            vague = (
                _VAGUE_LEAD.search(text, mention.end, _sentence_end(text, mention.end, end)) if is_dateline else None
            )
            if vague is not None and not _announced_that_day(text, mention, mentions, vague.start()):
                break  # 新华社北京6月10日电 …日前，…: the day of the report, not of the event
            if is_dateline:
                own = _own_date(text, mention, mentions, _sentence_end(text, mention.end, end))
                if own is not None:
                    return own
            if after in _LEAD_SEPARATOR or after in _DATELINE_MARKS or not after or _EVENT_VERB.match(text, after_at):
                return evolve(mention, rule=f"{mention.rule}+paragraph-lead")
            break
    return None


def _announced_that_day(text: str, dateline: DateMention, mentions: tuple[DateMention, ...], stop: int) -> bool:
    """新华社北京6月24日电 …24日发布消息，…日前…: before `stop` (the vague word), the lead names
    the dateline's day again (24日, 6月24日) for something announced on it."""
    for other in mentions:
        if other.start <= dateline.end:
            continue
        if other.start >= stop:
            return False
        same_day = other.day == dateline.day and other.month in (None, dateline.month)
        return same_day and _ANNOUNCED.match(text, other.end) is not None
    return False


def _own_date(text: str, dateline: DateMention, mentions: tuple[DateMention, ...], stop: int) -> DateMention | None:
    """新华社北京11月28日电 中共中央政治局11月27日下午…: the lead sentence's own day, where it is
    another day than the dateline's, is the event's; a day alone (27日下午) takes the dateline's month."""
    for other in mentions:
        if other.start <= dateline.end or other.day is None:
            continue
        if other.start >= stop or text[other.end : other.end + 1] in tuple(_NOT_EVENT_AFTER):
            return None
        if other.month is None and other.year is None and other.day < (dateline.day or 0):
            return evolve(other, month=dateline.month, rule=f"{other.rule}+dateline-month+paragraph-lead")
        if other.month is not None and (other.month, other.day) != (dateline.month, dateline.day):
            return evolve(other, rule=f"{other.rule}+paragraph-lead")
        return None
    return None


def _lead_sentence_verb(
    article: Article, mentions: tuple[DateMention, ...], lead: list[tuple[int, int]]
) -> DateMention | None:
    # Strategy 2: the first date of a lead paragraph's (`lead`) first sentence, with 召开/举行/… after it.
    text = article.simplified
    for start, end in lead[:2]:
        stop = min((i for i in (text.find("。", start, end),) if i != -1), default=end)
        for mention in mentions:
            if mention.start < start:
                continue
            if mention.start >= stop:
                break
            if mention.month is not None and mention.day is not None:
                if text.startswith(_DATELINE_MARKS, mention.end):  # a dateline: strategy 1 decided on it
                    continue
                if _EVENT_VERB.match(text, mention.end):
                    return evolve(mention, rule=f"{mention.rule}+lead-sentence-verb")
                break
    return None


def _infer_year(event: DateMention, mentions: tuple[DateMention, ...], text: str) -> DateMention:
    years = {
        m.year
        for m in mentions
        if m.year is not None and m.month is not None and m.day is not None and not _bounds_a_term(m, text)
    }
    if len(years) != 1:
        return event
    (year,) = years
    return evolve(event, year=year, iso=_iso(year, event.month, event.day), inferred=True)


def _bounds_a_term(mention: DateMention, text: str) -> bool:
    """至2027年12月31日, 2024年1月1日起: the end or start of a term, not a day of the report."""
    before = text[mention.start - 1 : mention.start] if mention.start else ""
    return before in tuple(_TERM_BEFORE) or text[mention.end : mention.end + 1] in tuple(_NOT_EVENT_AFTER)


def _sentence_end(text: str, start: int, end: int) -> int:
    stop = text.find("。", start, end)
    return end if stop == -1 else stop


def _squash(value: str) -> str:
    return re.sub(r"\s+", "", value)
