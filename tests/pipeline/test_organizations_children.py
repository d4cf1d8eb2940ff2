"""General rules for bodies written inside or after others: a known body's department or branch,
a Party committee's new offices, customs districts, societies named after a bank, university units.
Each example is made up; each must-not shows what the rule must leave alone."""

from __future__ import annotations

import pytest

from tests.pipeline.conftest import organization_names

# fmt: off
DEPARTMENTS = [
    # a known body's department, under its parent's name
    ("会后，材料报送生态环境部大气环境司。", "生态环境部大气环境司"),
    ("公安部刑事侦查局有关负责人介绍了情况。", "公安部刑事侦查局"),
    # a regulator's local bureau, a central bank's provincial branch, under the parent's name
    ("当日，国家税务总局河南省税务局召开会议。", "国家税务总局河南省税务局"),
    ("人民银行四川省分行有关负责同志参会。", "人民银行四川省分行"),
    # a Party committee's finance office (2023 reform)
    ("市委金融办、市财政局有关负责同志参加。", "市委金融办"),
]
NOT_DEPARTMENTS = [
    ("国家统计局副局长在会上说，要统筹全局。", "国家统计局"),  # a role title
    ("生态环境部部署全局工作。", "生态环境部"),  # a verb
    ("国资委将组成督导组，赴企业检查。", "国资委"),  # 将
    ("外交部发言人表示，这是一个新格局。", "外交部"),  # 格局 is no bureau
]
# fmt: on


@pytest.mark.parametrize(("text", "wanted"), DEPARTMENTS)
def test_a_body_written_after_its_parent_is_one_name(text: str, wanted: str) -> None:
    assert wanted in organization_names(text)


@pytest.mark.parametrize(("text", "parent"), NOT_DEPARTMENTS)
def test_a_clause_after_a_known_body_is_no_department(text: str, parent: str) -> None:
    assert organization_names(text)[0] == parent


def test_a_place_and_haiguan_is_a_customs_district() -> None:
    # one word of the segmenter's, a place and 海关 as two words, a place the segmenter mis-tags (石家庄/nr)
    names = organization_names("会上，天津海关、乌鲁木齐海关和石家庄海关作交流发言。")
    assert names == ["天津海关", "乌鲁木齐海关", "石家庄海关"]


def test_customs_in_general_is_no_customs_district() -> None:
    assert organization_names("会议传达了全国海关工作会议精神，中国海关和各隶属海关要抓好落实。") == []


def test_yinhang_jian_is_interbank_and_no_bank_inside_a_society() -> None:
    # 银行间 (interbank) and 银行业 (banking) do not end a name at 银行: the society is the body
    names = organization_names("全国银行间同业拆借中心、省银行业协会派员参加。")
    assert names == ["全国银行间同业拆借中心", "省银行业协会"]


def test_a_bank_before_another_word_stays_the_bank() -> None:
    assert organization_names("会上，中国银行业务部门负责人发言。") == ["中国银行"]


def test_a_school_or_a_university_named_alone_after_a_clause_edge() -> None:
    # a discipline and 学院 (after 、 and 和 too), a proper name and 大学, a unit every university has
    text = "会上，经济管理学院、马克思主义学院和外国语学院作交流发言，青禾大学教务处、研究生院负责人参加。"
    assert organization_names(text) == [
        "经济管理学院",
        "马克思主义学院",
        "外国语学院",
        "青禾大学",
        "教务处",
        "研究生院",
    ]


# fmt: off
NOT_SCHOOLS = [
    "要加快建设世界一流大学，推动一流学科发展。",  # a verb opens it
    "会议指出，世界一流大学和一流学科建设要提速。",  # 世界 is no proper name
    "他说，各大学、各学院、高校都要行动起来。",  # 各
    "会上，全省大学生代表发言。",  # 大学生 is one word
    "包括校领导、各学院院长和相关学院负责人。",  # 各, 相关
]
# fmt: on


@pytest.mark.parametrize("text", NOT_SCHOOLS)
def test_universities_in_general_are_no_school(text: str) -> None:
    assert organization_names(text) == []
