"""People: a guest's dotted name before an honorific (先生, 女士), 一行, 将 or 日前; a speech's
address and thanks (尊敬的, 感谢) and a conjunction opening a piece are no role; 担任 after a
title's name; compound surnames before a verb word; roles in brackets after the sex; kinship words;
聘任 and 解聘; X同学; rare Han characters; the part of a dotted name found alone."""

from __future__ import annotations

import pytest

from service.lexicons import Lexicons
from tests.pipeline.conftest import assert_no_people, assert_person, people

# fmt: off
FOUND = [
    # text, name, roles (exactly)
    # a dotted name ends before an honorific, 一行, 将 or 日前; a speech's address and thanks lead
    # to the role and are no part of it
    ("尊敬的某国农业部副部长阿列克谢·伊万诺夫先生，各位来宾：", "阿列克谢·伊万诺夫", ("某国农业部副部长",)),
    ("我谨代表市政府感谢国际港口协会会长彼得·施密特先生、联合会秘书长安娜·罗西女士到会。",
     "彼得·施密特", ("国际港口协会会长",)),
    ("我谨代表市政府感谢国际港口协会会长彼得·施密特先生、联合会秘书长安娜·罗西女士到会。",
     "安娜·罗西", ("联合会秘书长",)),
    ("副省长会见了某公司总裁马库斯·韦伯一行。", "马库斯·韦伯", ("某公司总裁",)),
    ("某国外交部长卡洛斯·门多萨将于下月访华。", "卡洛斯·门多萨", ("某国外交部长",)),
    ("某国总理府外事顾问托马斯·贝克日前表示，愿加强合作。", "托马斯·贝克", ("某国总理府外事顾问",)),
    # each item of a salutation is its own person: 尊敬的 opens a role
    ("尊敬的郑立群副主任，尊敬的某省商务厅厅长吴海川，", "吴海川", ("某省商务厅厅长",)),
    # a verb of meeting after the name; a person found before, then 与 or 代表…与: the role
    # starts after the joiner, or after a conjunction that opens the piece
    ("副市长许文静到场，许文静与某镇合作社理事长韩春梅交流，了解销售。", "韩春梅", ("某镇合作社理事长",)),
    ("副市长罗建国代表市政府与某科技有限公司董事长蔡志明签约。", "蔡志明", ("某科技有限公司董事长",)),
    ("由副院长、审判委员会委员吕思远担任审判长，与审判员苏明哲组成合议庭。", "苏明哲", ("审判员",)),
    # 担任 after a title's name: the office taken on is a role too
    ("由副院长、审判委员会委员吕思远担任审判长，与审判员苏明哲组成合议庭。", "吕思远",
     ("副院长", "审判委员会委员", "审判长")),
    # a compound surname, four characters, before a verb word no follower lists
    ("签约仪式上，某集团总经理欧阳思远签订了协议。", "欧阳思远", ("某集团总经理",)),
    # roles in brackets: after the sex; a Tibetan name of two parts; a rare surname of the Hui
    ("受表彰的是：刘建华（某镇党委书记）、才让东智（某县林业局局长）、韩秀珍（女，某区民政局局长）。",
     "韩秀珍", ("某区民政局局长",)),
    ("受表彰的是：刘建华（某镇党委书记）、才让东智（某县林业局局长）、韩秀珍（女，某区民政局局长）。",
     "才让东智", ("某县林业局局长",)),
    ("获奖的有：刘建华（某镇党委书记）、妥文斌（某县财政局副局长）。", "妥文斌", ("某县财政局副局长",)),
    # a family member a condolence names
    ("市领导看望了张德明同志的夫人何秀英等亲属。", "何秀英", ()),
    # 聘任 X为Y, 解聘 X的Y职务
    ("聘任钱文博为某省人民政府参事，聘期五年。", "钱文博", ("某省人民政府参事",)),
    ("解聘原立新的某省人民政府参事职务。", "原立新", ("某省人民政府参事",)),
    # X同学, as X同志
    ("学院志愿服务队的孙晓萌同学放弃了假期。", "孙晓萌", ()),
    # a given name of a rare character (Extension A)
    ("市委常委、秘书长罗䶮出席会议。", "罗䶮", ("市委常委", "秘书长")),
]

NOT_PEOPLE = [
    # text, what must not be a person
    ("尊敬的某国农业部副部长阿列克谢·伊万诺夫先生，各位来宾：", ["阿列克谢·伊万诺夫先生", "阿列克谢"]),
    ("副省长会见了某公司总裁马库斯·韦伯一行。", ["马库斯·韦伯一行", "马库斯"]),
    ("某国外交部长卡洛斯·门多萨将于下月访华。", ["卡洛斯"]),
    ("同学们好！我的高中同学、大学同学都来了。", ["高中", "大学"]),
    ("黄河是中华民族的母亲河，要妥善保护，妥当处理。", ["妥善", "妥当"]),
    ("部分人大代表、新闻媒体记者旁听了庭审。", ["闻媒体", "媒体"]),
    ("聘请专家为顾问。", ["专家"]),
]
# fmt: on


@pytest.mark.parametrize(("text", "name", "roles"), FOUND)
def test_found(text: str, name: str, roles: tuple[str, ...], lexicons: Lexicons) -> None:
    assert_person(text, name, roles, lexicons)


@pytest.mark.parametrize(("text", "wrong"), NOT_PEOPLE)
def test_not_people(text: str, wrong: list[str], lexicons: Lexicons) -> None:
    assert_no_people(text, wrong, lexicons)


def test_a_part_of_a_dotted_name_found_alone_is_that_person(lexicons: Lexicons) -> None:
    # 韦伯州长 names the person of 马库斯·韦伯: one person, with both roles and every mention
    text = "省长会见了某国某州州长马库斯·韦伯一行。省长对韦伯州长来访表示欢迎。韦伯感谢热情接待。"
    found = people(text, lexicons)
    assert "韦伯" not in found, sorted(found)
    person = found["马库斯·韦伯"]
    assert person.roles == ("某国某州州长", "州长")
    assert [text[m.start : m.end] for m in person.mentions] == ["马库斯·韦伯", "韦伯", "韦伯"]


def test_a_part_two_dotted_names_share_stays_apart(lexicons: Lexicons) -> None:
    # 约翰 is the first part of two names found: it is neither person's
    text = "会长约翰·布朗、秘书长约翰·格林出席。会长约翰·布朗致辞，理事约翰主持。"
    found = people(text, lexicons)
    assert found["约翰·布朗"].roles == ("会长",)
    assert found["约翰·格林"].roles == ("秘书长",)
