"""General rules for bodies named as a branch, unit or office of another: a national organization's
branch in a place, a Party committee's study group, an office stationed elsewhere, a ministry's
department named alone, a body named after a lake, fire and armed-police units, highway units and
the SAR governments' bodies. Each example is made up; each must-not shows what a rule leaves alone."""

from __future__ import annotations

import pytest

from service.pipeline import process
from service.pipeline.article import Options, Upload
from tests.pipeline.conftest import organization_names

# fmt: off
FOUND = [
    # a democratic party's, the Party's, the armed police's branch: the owner's name and the body
    ("会上，民盟广东省委、致公党上海市委作了发言。", ["民盟广东省委", "致公党上海市委"]),
    ("中共西宁市委召开常委会议。", ["中共西宁市委"]),
    ("会上，民进市委作了发言。", ["民进市委"]),
    ("武警四川省总队派出官兵参加救援。", ["武警四川省总队"]),
    # fire and rescue units, under a place or a lone 省/县
    ("湖州市消防救援支队、省消防救援总队负责同志参加。", ["湖州市消防救援支队", "省消防救援总队"]),
    # a province's highway unit
    ("会上，定西公路总段作了交流发言。", ["定西公路总段"]),
    # a Party committee's theory study group, however it is written
    ("市委理论学习中心组举行集体学习。", ["市委理论学习中心组"]),
    ("中共临夏州委中心组召开学习会。", ["中共临夏州委中心组"]),
    # an office stationed in another place or body, written after its own body
    ("省政府驻北京办事处负责同志参加。", ["省政府驻北京办事处"]),
    ("中央纪委国家监委驻生态环境部纪检监察组组长出席。", ["中央纪委国家监委驻生态环境部纪检监察组"]),
    # a ministry's department named alone, with its head's title; two fields joined by 与 or 和
    ("教育部副部长出席，基础教育司司长、职业教育与成人教育司副司长介绍情况。",
     ["教育部", "基础教育司", "职业教育与成人教育司"]),
    # a body named after a lake or a river basin
    ("会上，鄱阳湖水利枢纽管理局、太湖流域管理局负责同志发言。", ["鄱阳湖水利枢纽管理局", "太湖流域管理局"]),
]
NOT_FOUND = [
    ("他的领导上司长期在外。", []),  # 上司/长期: no 司长
    ("会议由各司司长轮流主持。", []),  # 各司 is no department
    ("兰州至天水公路正在施工。", []),  # a road, no body
    ("江苏各地政府要抓好落实。", []),  # the governments of a province
    ("洞庭湖区防汛形势严峻。", []),  # the lakeside, no body
    ("省政协召开专题协商会。", ["省政协"]),  # a consultation meeting, no chamber of commerce
    ("太原、大同2市民政局作交流发言。", ["民政局"]),  # two cities' bureaus: not 大同2市民政局 nor 市民政局
    ("山西省委召开会议。", ["山西省委"]),  # no owner before it
    ("社区干部和驻村工作队员参加。", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "wanted"), FOUND)
def test_a_branch_unit_or_office_is_one_name(text: str, wanted: list[str]) -> None:
    assert organization_names(text) == wanted


@pytest.mark.parametrize(("text", "wanted"), NOT_FOUND)
def test_what_only_looks_like_a_branch_is_left_alone(text: str, wanted: list[str]) -> None:
    assert organization_names(text) == wanted


def test_a_sar_body_is_named_bare_in_a_text_about_macao_or_hong_kong() -> None:
    text = "澳门特别行政区行政会今日举行会议，廉政公署、治安警察局负责人列席，法案将提交立法会审议。"
    assert organization_names(text) == ["行政会", "廉政公署", "治安警察局", "立法会"]


def test_a_sar_body_keeps_the_script_of_the_text() -> None:
    # the whole pipeline: the stage reads the Simplified copy and names bodies as the text writes them
    text = "香港特別行政區行政會議今日舉行會議，討論多項議題。入境事務處處長列席會議。"
    article = process(Upload(text.encode("utf-8"), filename="sar.txt"), Options())
    assert [entity.name for entity in article.metadata.organizations] == ["行政會議", "入境事務處"]


def test_a_sar_body_s_name_in_a_mainland_text_is_no_body() -> None:
    # 行政会议 is a meeting of a university's leaders; no SAR is named
    assert organization_names("学校召开院长行政会议，研究立法会有关问题。") == []
