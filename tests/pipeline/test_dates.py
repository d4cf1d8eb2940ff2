from __future__ import annotations

import pytest

from service.pipeline.article import Options
from service.pipeline.dates import extract_dates, find_dates
from tests.pipeline.conftest import snippet

# fmt: off
MENTIONS = [
    # text, (mention text, year, month, day, part_of_day, iso)
    ("2020年3月15日，国务院召开常务会议", ("2020年3月15日", 2020, 3, 15, None, "2020-03-15")),
    ("6月3日下午，会议在长春召开", ("6月3日下午", None, 6, 3, "下午", None)),
    ("二〇一九年六月六日上午举行", ("二〇一九年六月六日上午", 2019, 6, 6, "上午", "2019-06-06")),
    ("２０２１年１２月３日举行", ("２０２１年１２月３日", 2021, 12, 3, None, "2021-12-03")),
    ("十二月三十一日前完成", ("十二月三十一日", None, 12, 31, None, None)),
    ("自2014年以来", ("2014年", 2014, None, None, None, "2014")),
    ("2018年9月，省委印发方案", ("2018年9月", 2018, 9, None, None, "2018-09")),
    ("今年6月，全省开展", ("6月", None, 6, None, None, None)),
    ("17日下午，代表团抵达", ("17日下午", None, None, 17, "下午", None)),
    ("5月8日晚，省长主持", ("5月8日晚", None, 5, 8, "晚", None)),
    ("于2019-06-06发布", ("2019-06-06", 2019, 6, 6, None, "2019-06-06")),
    ("截至2023.1.31，共有", ("2023.1.31", 2023, 1, 31, None, "2023-01-31")),
    # a weekday beside the day belongs to it, and a part of the day may follow it
    ("9月4日（星期三）上午，市政府召开", ("9月4日（星期三）上午", None, 9, 4, "上午", None)),
    ("（2012年5月9日，星期三）", ("2012年5月9日，星期三", 2012, 5, 9, None, "2012-05-09")),
    ("3月7日(周四)举行", ("3月7日(周四)", None, 3, 7, None, None)),
]
NOT_DATES = [
    "侦破“1.17”特大象牙走私案、“7.5”象牙走私案",
    "庆祝中华人民共和国成立70周年",
    "实现党的十九大确定的目标任务",
    "共800余人参加会议，把握“12字”总要求",
    "开展三年攻坚专项行动，用3个月时间",
    "截至*月末，新登记经营主体*.*万户",
    "国发〔2019〕12号文件，12号楼",
    "20世纪90年代以来",
    "一月一次的例会",
    "自印发之日起30日内报送，15日以内答复",
    "对“12·5”较大火灾事故、“6·16”安全宣传咨询日",
]
RANGES = [
    ("26日至27日，会议在京举行", "26日至27日", None, 26, 27, None),
    ("6月26日至7月2日举办培训", "6月26日至7月2日", 6, 26, 2, 7),
    ("2019年8月5日—7日，调研组", "2019年8月5日—7日", 8, 5, 7, 8),
    # a range of months is one mention: month and end_month, no day
    ("今年1至2月，全国规模以上工业增加值同比增长", "1至2月", 1, None, None, 2),
    ("2023年1—5月，全省外贸进出口", "2023年1—5月", 1, None, None, 5),
    ("1-5月累计完成投资", "1-5月", 1, None, None, 5),
    ("1月至5月，全市新增就业", "1月至5月", 1, None, None, 5),
    ("10至12月份开展专项整治", "10至12月", 10, None, None, 12),
]
EVENT = [
    # text, event date text or None, part of day, rule suffix
    ("6月6日，国家市场监督管理总局召开主题教育动员部署会。", "6月6日", None, "paragraph-lead"),
    ("6月3日下午，吉林省主题教育工作会议在长春召开。", "6月3日下午", "下午", "paragraph-lead"),
    ("新华社北京3月5日电 第十三届全国人民代表大会第二次会议5日上午在人民大会堂开幕。", "3月5日", None, "paragraph-lead"),
    ("本报讯（记者 李明）9月12日，全省安全生产工作会议召开。", "9月12日", None, "paragraph-lead"),
    ("全省农村工作会议于1月8日在福州召开。", "1月8日", None, "lead-sentence-verb"),
    ("会议指出，要坚决贯彻。\n习近平总书记5月31日在主题教育工作会议上发表重要讲话。", None, None, None),
    ("6月1日起，新修订的条例正式施行。", None, None, None),
    ("会议强调，要抓好落实。", None, None, None),
    ("新华社北京6月10日电（记者 郑雪）记者从国家发展改革委获悉：日前，四部门联合印发通知。", None, None, None),
    ("新华社北京6月10日电 近日，公安部召开视频会议。", None, None, None),
    # the lead sentence's own day, another than the dateline's, is the event's
    ("新华社北京11月28日电　中共中央政治局11月27日下午就加强生态文明建设进行集体学习。",
     "11月27日下午", "下午", "paragraph-lead"),
    ("新华社北京11月28日电　中共中央政治局27日下午就加强生态文明建设进行集体学习。",
     "27日下午", "下午", "dateline-month+paragraph-lead"),
    ("在全县安全生产工作会议上的讲话\n（2024年2月23日）\n同志们：\n今天，我们召开全县安全生产工作会议。",
     "2024年2月23日", None, "date-line"),
    ("在全市优化营商环境大会上的讲话\n（二〇二三年二月一日）\n同志们：\n今天是春节后上班第一天。",
     "二〇二三年二月一日", None, "date-line"),
    ("在全区防汛工作会议上的讲话\n（2012年5月9日，星期三）\n同志们：\n今天召开全区防汛工作会议。",
     "2012年5月9日，星期三", None, "date-line"),
    ("10月8日（星期二）下午，全区招商工作会议召开。", "10月8日（星期二）下午", "下午", "paragraph-lead"),
    # a lunar date beside the day is an aside, read past
    ("1月28日（农历腊月十八），区委书记带队走访慰问困难群众。", "1月28日", None, "paragraph-lead"),
    # 讯 ends a dateline as 电 does: the lead sentence's own day is the event's
    ("本报南昌9月3日讯（记者 李明）9月2日下午，全省秋粮收购工作会议召开。", "9月2日下午", "下午", "paragraph-lead"),
    # an occasion may open the lead before its date; any other clause may not
    ("春节即将来临之际，1月20日至21日，省领导分别带队走访慰问驻军官兵。", "1月20日至21日", None, "paragraph-lead"),
    ("国庆节前夕，9月28日，市委书记带队检查安全生产工作。", "9月28日", None, "paragraph-lead"),
    ("为做好安全生产工作，9月28日，市委书记带队检查。", None, None, None),
    # after a dateline, the report's own day restated for an announcement outweighs a vague word
    ("新华社北京5月20日电（记者 张敏）国家统计局20日发布消息，一季度数据日前已汇总完毕。", "5月20日", None, "paragraph-lead"),
    ("新华社北京5月20日电 记者20日从国家统计局获悉，日前两部门联合印发通知。", None, None, None),
    # the source it is reported from opens the paragraph as a dateline does, whatever the mark after it
    ("据甘肃日报报道　6月5日晚，由省文化和旅游厅、省体育局和兰州市人民政府共同主办的全省文化旅游推介会在兰州开幕。",
     "6月5日晚", "晚", "paragraph-lead"),
    ("据央视新闻消息，3月2日凌晨，四川省某地发生地震。", "3月2日凌晨", "凌晨", "paragraph-lead"),
    ("7月9日夜，全市防汛指挥部启动应急响应。", "7月9日夜", "夜", "paragraph-lead"),
    ("据甘肃日报报道　6月5日，全省共接待游客十万人次。", "6月5日", None, "paragraph-lead"),
    # what the reporter learned from a body opens the lead as a source does
    ("记者从省人民政府办公厅获悉，1月9日，省政府印发任免通知。", "1月9日", None, "paragraph-lead"),
    ("记者从省教育厅获悉，6月1日起，全省中小学实行新作息。", None, None, None),
    # what is no source stays no dateline
    ("据统计，6月5日，全省共接待游客十万人次。", None, None, None),
    ("据了解　6月5日，全省共接待游客十万人次。", None, None, None),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), MENTIONS)
def test_mentions(text: str, expected: tuple) -> None:
    (mention,) = find_dates(text)
    assert (mention.text, mention.year, mention.month, mention.day, mention.part_of_day, mention.iso) == expected
    assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == ()


@pytest.mark.parametrize(("text", "written", "month", "day", "end_day", "end_month"), RANGES)
def test_ranges(text: str, written: str, month: int | None, day: int, end_day: int, end_month: int | None) -> None:
    (mention,) = find_dates(text)
    assert (mention.text, mention.month, mention.day, mention.end_day, mention.end_month) == (
        written,
        month,
        day,
        end_day,
        end_month,
    )
    assert mention.rule == "written-range"


@pytest.mark.parametrize(("text", "written", "part", "rule"), EVENT)
def test_event_date(text: str, written: str | None, part: str | None, rule: str | None) -> None:
    event = extract_dates(snippet(text), Options()).metadata.event_date
    if written is None:
        assert event is None
    else:
        assert event is not None and event.text == written and event.part_of_day == part
        assert event.rule.endswith(rule)


def test_a_day_alone_after_a_dateline_takes_its_month() -> None:
    text = "新华社北京11月28日电　中共中央政治局27日下午就加强生态文明建设进行集体学习。"
    event = extract_dates(snippet(text), Options()).metadata.event_date
    assert event is not None and (event.month, event.day) == (11, 27)


def test_year_is_never_taken_from_the_clock() -> None:
    event = extract_dates(snippet("6月6日，工业和信息化部召开会议。"), Options()).metadata.event_date
    assert event is not None and event.year is None and event.iso is None and not event.inferred


def test_year_is_inferred_from_a_full_date_in_the_document() -> None:
    text = "6月6日，工业和信息化部召开会议。\n会议部署落实2019年5月31日印发的方案。"
    event = extract_dates(snippet(text), Options()).metadata.event_date
    assert event is not None and (event.year, event.iso, event.inferred) == (2019, "2019-06-06", True)


@pytest.mark.parametrize(
    "term", ["政策延续实施至2027年12月31日。", "条例自2027年1月1日起施行。", "须于2027年3月1日前报送。"]
)
def test_no_year_is_inferred_from_the_end_or_start_of_a_term(term: str) -> None:
    text = f"3月27日，国务院召开常务会议。\n会议决定，{term}"
    event = extract_dates(snippet(text), Options()).metadata.event_date
    assert event is not None and event.year is None and not event.inferred


def test_no_year_is_inferred_when_full_dates_disagree() -> None:
    text = "6月6日，工业和信息化部召开会议。\n回顾2018年5月1日和2019年5月31日的部署。"
    event = extract_dates(snippet(text), Options()).metadata.event_date
    assert event is not None and event.year is None


def test_dates_scale_linearly() -> None:
    text = "2019年6月6日，会议召开，共800余人参加。" * 20000
    assert len(find_dates(text)) == 20000
