"""General rules for bodies named in the ways appointment notices, meeting reports and campus news
write them: a Party committee's standing committee and offices, a command headquarters, the
cultural institutions, a bureau whose name holds 和, a development zone's bodies and the bureaus
listed after one, a body after 现任 or after the verb that calls a meeting, a school of two
disciplines joined by 与, a university named by a compass region. Each example is made up; each
must-not shows what a rule leaves alone."""

from __future__ import annotations

import pytest

from tests.pipeline.conftest import organization_names

# fmt: off
FOUND = [
    # a Party committee's standing committee as the body that meets or chairs
    ("全会由县委常委会主持。", ["县委常委会"]),
    ("经州委常委会会议研究，决定如下。", ["州委常委会"]),
    # a body after the verb that calls or chairs its meeting
    ("王明主持召开市政府常务会议。", ["市政府"]),
    # a Party committee's, a government's office named as a room
    ("区委督查室、县政府督查室要跟踪问效。", ["区委督查室", "县政府督查室"]),
    ("市委政策研究室牵头起草。", ["市委政策研究室"]),
    # a command headquarters after a level and its task
    ("会上，市防汛抗旱指挥部作了部署。", ["市防汛抗旱指挥部"]),
    ("副市长、市森林草原防灭火指挥部指挥长出席。", ["市森林草原防灭火指挥部"]),
    # the cultural institutions a government runs
    ("展览在湖南省博物馆开幕，市图书馆、县档案馆协办。", ["湖南省博物馆", "市图书馆", "县档案馆"]),
    # 和 inside a bureau's name that no standard stem holds
    ("会议听取了县交通运输和物流管理局的汇报。", ["县交通运输和物流管理局"]),
    # after 现任 (a notice's current post)
    ("李明，现任县财政局党组成员、副局长。", ["县财政局"]),
    # a development zone's bodies by its kind, and the bureaus listed after one
    ("开发区经济发展局、招商服务局、社会事务局和各乡镇负责同志参加。",
     ["开发区经济发展局", "招商服务局", "社会事务局"]),
    ("会议由高新区管委会主持，新区党工委负责同志出席。", ["高新区管委会", "新区党工委"]),
    ("各县教育局、公安局、保密局负责同志参加。", ["公安局", "保密局"]),
    # a school of two disciplines joined by 与
    ("会上，经济与管理学院、能源与动力工程学院作了交流。", ["经济与管理学院", "能源与动力工程学院"]),
    # a university named by a compass region and a discipline, wherever it stands
    ("社区联合南方海洋大学开设课堂。", ["南方海洋大学"]),
    ("他们与南方理工大学合作。", ["南方理工大学"]),
    # a two-character county the segmenter splits off a name keeps its place
    ("萧县政府、泾县政府负责同志参加。", ["萧县政府", "泾县政府"]),
]
NOT_FOUND = [
    ("省委常委会议研究了有关事项。", ["省委"]),  # 常委会议 is a meeting: the committee is 省委
    ("市委常委会见了客商代表。", ["市委"]),  # a member (常委) meets (会见)
    ("他在市委会议室参加视频会议。", ["市委"]),  # a room of the committee's building
    ("省委和省政府，县和乡镇党委要抓好落实。", ["省委", "省政府"]),  # two bodies; no 县和乡镇党委
    ("要坚持市场导向，公开市场信息。", []),  # 坚持, 公开: no meeting's caller
    ("创新区域发展局面。", []),  # 新区 inside 创新区域
    ("区委、区委常委、宣传部部长出席。", ["区委"]),  # a member's post after a body
    ("市教育局、承办单位负责同志参加。", ["市教育局"]),  # no body of the list
    ("李明，大学学历，省委党校大学学历。", []),  # a level of schooling, no university
    ("来信地址：东川市解放路12号市委组织部。", []),  # an address before a body
    ("企业与化学化工学院合作办学。", ["化学化工学院"]),  # 企业 is a party to it, no discipline
    ("北方大学生就业形势好。", []),  # 大学生: students
    ("北方重点大学、南方一流大学招生。", []),  # kinds of universities
    # a county's one-character name that is a word of the clause: 和 (and), 现任 (now holds)
    ("各级党委和县政府要抓落实。", ["县政府"]),
    ("李明，现任县财政局副局长。", ["县财政局"]),
    ("新馆建成后将迁入体育馆。", []),  # a building, no institution
]
# fmt: on


@pytest.mark.parametrize(("text", "wanted"), FOUND)
def test_a_body_is_one_name(text: str, wanted: list[str]) -> None:
    assert organization_names(text) == wanted


@pytest.mark.parametrize(("text", "wanted"), NOT_FOUND)
def test_what_only_looks_like_a_body_is_left_alone(text: str, wanted: list[str]) -> None:
    assert organization_names(text) == wanted
