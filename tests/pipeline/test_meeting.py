from __future__ import annotations

import pytest

from service.lexicons import Lexicons
from service.pipeline.article import Entity, Evidence
from service.pipeline.meeting import find_meeting

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
    ("推进会以线上线下相结合的方式举行。", "线上线下结合", None, None),
    # the meeting as the subject of 采取/采用…方式, with no verb of holding after it
    ("会议采取线上线下相结合方式，各地设分会场。", "线上线下结合", None, None),
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


def _found(text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity(name, (Evidence(start, start + len(name), "test"),))
