from __future__ import annotations

import pytest

from service.lexicons import Lexicons
from service.pipeline.article import Entity, Evidence
from service.pipeline.meeting import find_meeting
from service.pipeline.script import simplified_copy

# fmt: off
MEETINGS = [
    ("会议以电视电话会议形式开到县（市、区），市级部门在主会场参会。", "电视电话会议", None, None),
    # text, format, location, attendance
    ("会议以电视电话会议形式召开。", "电视电话会议", None, None),
    ("会议以电视电话会议的形式召开。", "电视电话会议", None, None),
    ("全省安全生产视频会议召开，各市设分会场。", "视频会议", None, None),
    ("6月3日下午，吉林省主题教育工作会议在长春召开。", None, "长春", None),
    ("全国宣传部长会议在京召开。", None, "京", None),
    ("大会在北京人民大会堂隆重举行。", None, "北京人民大会堂", None),
    ("各单位领导班子共800余人在主会场参加会议。", None, None, "共800余人"),
    ("约300人出席开幕式。", None, None, "约300人"),
    ("尊敬的**组长，各位领导，同志们：发言完毕，谢谢大家！", None, None, None),
    ("在全党开展主题教育，累计培训3000人次。", None, None, None),
    ("工作会议在乌鲁木齐召开，会议以视频形式召开至县（市、区）。", "视频会议", "乌鲁木齐", None),
    ("推进会以线上线下相结合的方式举行。", "线上线下相结合", None, None),
    # the meeting as the subject of 采取/采用…方式, with no verb of holding after it
    ("会议采取线上线下相结合方式，各地设分会场。", "线上线下相结合", None, None),
    ("会议采用视频方式，在昆明市设主会场，各州市设分会场。", "视频会议", "昆明市", None),
    # a meeting held over video is where its main venue is
    ("座谈会以视频会议形式召开，会议在延吉市设立主会场。", "视频会议", "延吉市", None),
    ("他采取视频方式了解情况。", None, None, None),
    ("会议以书面形式召开。", "书面会议", None, None),
    ("全国财政工作会议以视频会议形式在京召开。", "视频会议", "京", None),
    ("会议观看了警示教育视频，研究部署下一步工作，会议在会议室召开。", None, "会议室", None),
    # a video meeting's main venue after 设在/设于
    ("会议以视频会议形式召开，主会场设在兰州，各市州设分会场。", "视频会议", "兰州", None),
    ("全区视频会议召开，主会场设于市行政中心，各区设分会场。", "视频会议", "市行政中心", None),
    ("全区视频会议召开，主会场设在前排。", "视频会议", None, None),
    ("主会场设于市行政中心，各区设分会场。", None, None, None),  # not said to be held over a link
    # a hall (厅) is a venue, and 开幕 says the meeting was held
    ("市人大常委会第五次会议在市人大常委会第一会议厅开幕。", None, "市人大常委会第一会议厅", None),
    # a notice's own 会议地点 item, on the next line or after a colon; the address in brackets left out
    ("一、会议时间\n3月5日上午\n二、会议地点\n省行政学院报告厅（某某路1号）。", None, "省行政学院报告厅", None),
    ("会议地点：兰州市金城宾馆。", None, "兰州市金城宾馆", None),
    ("会议地点：另行通知。", None, None, None),
    ("会议地点另行通知。", None, None, None),
    # a quorum: those present are the 实到 count, not the 应到 one
    ("会议应到委员33人，实到29人，符合法定人数。", None, None, "实到29人"),
    ("大会应出席代表500名，实际出席482名。", None, None, "实际出席482名"),
    ("帮扶措施落实到1200名贫困学生。", None, None, None),
    ("大会应出席代表400名，出席385名，符合法定人数。", None, None, "出席385名"),  # after 应出席, a bare 出席
    # two ways at once are reported as the phrase says, each half a format
    ("座谈会以现场与网络相结合的方式召开。", "现场与网络相结合", None, None),
    ("培训班以线下形式开班。", "线下会议", None, None),
    # a format word in a phrase that conveys another meeting's spirit or arrangements names that meeting
    ("区政府召开常务会议，传达学习全市安全生产视频会议精神。", None, None, None),
    ("会议传达全国电视电话会议部署，研究下一步工作，会议在区行政中心召开。", None, "区行政中心", None),
    ("全省视频会议部署了秋冬季防火工作，会议今日召开。", "视频会议", None, None),  # it deployed: this one
    # a 会堂 is a venue, with 隆重/胜利 between it and the verb
    ("区第八届人民代表大会第二次会议在区人民会堂胜利闭幕。", None, "区人民会堂", None),
    # a decimal count is whole
    ("全市共1.2万余名志愿者参加活动。", None, None, "共1.2万余名"),
    ("３．５万人参加了开幕式。", None, None, "３．５万人"),
    ("会议时长1.5小时，80人参加。", None, None, "80人"),
    # those a bare count counts, named right before it (not the last item of a list, nor before 共)
    ("出席会议的有区委委员31名，候补委员5名。", None, None, "区委委员31名"),
    ("各乡镇负责同志、村民代表80余人参加会议。", None, None, "80余人"),
    ("区直部门负责同志，社区居民代表60人参加会议。", None, None, "60人"),
    ("出席大会的代表共500名。", None, None, "共500名"),
    # a signing is where the parties sign; not where no place or venue stands
    ("某部与某省人民政府在西宁签署战略合作协议。", None, "西宁", None),
    ("双方在此基础上签订了补充协议。", None, None, None),
    # those a count of 名 counts, named right after it (not after a count of 人, nor a word that is no one)
    ("来自各县的负责同志共95名学员参加培训。", None, None, "共95名学员"),
    ("全市60名基层干部参加了集中学习。", None, None, "60名基层干部"),
    ("全区共300名代表出席大会。", None, None, "共300名代表"),
    ("共120人参加会议。", None, None, "共120人"),
    ("共40名同学参加，会议持续两天。", None, None, "共40名"),
]
# fmt: on


@pytest.mark.parametrize(("text", "fmt", "location", "attendance"), MEETINGS)
def test_meeting(text: str, fmt: str | None, location: str | None, attendance: str | None, lexicons: Lexicons) -> None:
    meeting = find_meeting(text, lexicons)
    assert (meeting.format, meeting.location, meeting.attendance) == (fmt, location, attendance)
    for evidence in meeting.evidence:
        # the text of the evidence is the value, or the word a format is named by (视频 of 视频会议)
        found = text[evidence.start : evidence.end]
        assert found in (location, attendance) or (fmt is not None and found in fmt)


def test_a_place_or_organization_found_earlier_is_a_venue(lexicons: Lexicons) -> None:
    # an unlisted town or an organization is a venue where the earlier stages found it there, not else;
    # the one who chaired the meeting may stand between it and the verb
    text = "全旗工作会议在宝日希勒镇召开。副旗长在旗防汛抗旱指挥部主持召开会商会。"
    town, office = (_found(text, name) for name in ("宝日希勒镇", "旗防汛抗旱指挥部"))
    assert find_meeting(text, lexicons, found=(town,)).location == "宝日希勒镇"
    assert find_meeting(text, lexicons, found=(office,)).location == "旗防汛抗旱指挥部"
    assert find_meeting(text, lexicons).location is None
    elsewhere = Entity("宝日希勒镇", (Evidence(0, 5, "test"),))  # the same name found at another place
    assert find_meeting(text, lexicons, found=(elsewhere,)).location is None
    chaired_by = "他在旗长主持召开的座谈会上发言。"  # 旗长 chaired; he spoke at the meeting
    assert find_meeting(chaired_by, lexicons, found=(_found(chaired_by, "旗"),)).location is None


# fmt: off
WRITTEN = [
    # a Traditional text's meeting is reported in its own script, 會議 too
    ("會議以視頻形式召開。", "視頻會議"),
    ("會議以現場和視頻相結合方式召開。", "現場和視頻相結合"),
    ("全省電視電話會議召開。", "電視電話會議"),
]
# fmt: on


@pytest.mark.parametrize(("written", "fmt"), WRITTEN)
def test_a_format_is_reported_as_written(written: str, fmt: str, lexicons: Lexicons) -> None:
    _, simplified = simplified_copy(written)
    assert find_meeting(simplified, lexicons, written=written).format == fmt


def _found(text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity(name, (Evidence(start, start + len(name), "test"),))
