"""People: bylines with no space or several names, contact lines, names with no Han surname
(Mongolian, Amdo Tibetan), the Dai, Jingpo, Korean-ethnic and rare surnames, and the titles of
the democratic parties, the flood headquarters and the Hong Kong and Macao governments."""

from __future__ import annotations

import pytest

from service.lexicons import Lexicons
from service.pipeline.people import find_people
from tests.pipeline.conftest import assert_no_people, assert_person, snippet

# fmt: off
FOUND = [
    # text, name, roles (exactly)
    # a byline: the name straight after 记者, or several names, a dotted one too, split by spaces
    ("新华社南京4月2日电（记者陈立群）记者2日从省教育厅获悉。", "陈立群", ("记者",)),
    ("本报讯（记者 阿依古丽·买买提 王建国）6月3日，全区会议召开。", "阿依古丽·买买提", ("记者",)),
    ("本报讯（记者 阿依古丽·买买提 王建国）6月3日，全区会议召开。", "王建国", ("记者",)),
    ("本报讯（记者 赵明 钱丽 通讯员 孙涛）会议召开。", "钱丽", ("记者",)),
    ("本报讯（记者 赵明 钱丽 通讯员 孙涛）会议召开。", "孙涛", ("通讯员",)),
    # a contact line: the name after 联系人： and a unit, before a separator or the number
    ("联系人：市教育局办公室 赵雪梅，电话：0571-1234567。", "赵雪梅", ()),
    ("联系人：综合处\u3000孙立新\u3000010-12345678", "孙立新", ()),
    ("联系人：周海燕，电话：0851-7654321。", "周海燕", ()),
    ("联系人：周海燕、吴立平，电话：0851-7654321。", "吴立平", ()),
    # a Mongolian name with no Han surname, before a verb of attendance; 应邀 follows a name
    ("旗农牧局局长其其格应邀出席。", "其其格", ("旗农牧局局长",)),
    ("市卫生健康委副主任萨仁图雅出席会议。", "萨仁图雅", ("市卫生健康委副主任",)),
    # 领学 and 致欢迎辞 follow a name
    ("市委常委、组织部部长高明远领学了《条例》。", "高明远", ("市委常委", "组织部部长")),
    ("市委副书记、市长贠志强致欢迎辞。", "贠志强", ("市委副书记", "市长")),
    # Dai and Jingpo name heads, Korean-ethnic 玄, rare surnames
    ("州委副书记、州长刀建华主持会议。", "刀建华", ("州委副书记", "州长")),
    ("副州长岩温香出席会议。", "岩温香", ("副州长",)),
    ("县委书记线国强介绍了经验。", "线国强", ("县委书记",)),
    ("州政协副主席罕小英，州委常委思立平出席。", "思立平", ("州委常委",)),
    ("州人大常委会副主任排早勒出席。", "排早勒", ("州人大常委会副主任",)),
    ("副市长禤国平出席会议。", "禤国平", ("副市长",)),
    ("朝鲜族村民玄美花说，日子好了。", "玄美花", ()),
    ("志愿消防队员金成浩讲述了经过。", "金成浩", ()),
    # an Amdo Tibetan name: a name part and one syllable, after a title
    ("大会执行主席扎西措、李红出席会议。", "扎西措", ("大会执行主席",)),
    # 和 before a verb of report is the name's last character
    ("市检察院检察委员会专职委员李国和通报了情况。", "李国和", ("市检察院检察委员会专职委员",)),
    # the titles of the democratic parties, the flood headquarters, Hong Kong and Macao
    ("民盟市委副主委韩雪梅代表民盟市委发言。", "韩雪梅", ("民盟市委副主委",)),
    ("副省长、省防指指挥林立新，省政府秘书长张立出席。", "林立新", ("副省长", "省防指指挥")),
    ("会议由行政长官欧阳志明主持。", "欧阳志明", ("行政长官",)),
    ("市消防救援支队支队长朴成浩介绍了做法。", "朴成浩", ("市消防救援支队支队长",)),
]
NOT_PEOPLE = [
    # with no space after the title, only a reporter's name stands in brackets
    ("各成员单位（组长单位）要牵头。", ["单位"]),
    # a form of address is no name
    ("联系人：王老师，电话：0851-7654321。", ["王老师", "王老"]),
    # a name with no surname needs a verb of attendance: not a separator, nor two characters
    ("副局长分管工作，副局长亲自出席会议。", ["分管工作", "亲自"]),
    # the words that open with the new name heads
    ("思想上高度重视，排查整治要到位，召开会议部署，线上线下同步。", ["思想", "排查", "召开", "线上"]),
    ("县委党校副校长刘明讲课。", ["党校"]),
    ("市消防救援支队支队长朴成浩介绍了做法。", ["支队支"]),
    # 和 between two people stays a conjunction
    ("市长张伟和市委书记李强出席会议。", ["张伟和"]),
    ("副市长王强和参加会议的同志座谈。", ["王强和"]),
]
# fmt: on


@pytest.mark.parametrize(("text", "name", "roles"), FOUND)
def test_found(text: str, name: str, roles: tuple[str, ...], lexicons: Lexicons) -> None:
    assert_person(text, name, roles, lexicons)


@pytest.mark.parametrize(("text", "wrong"), NOT_PEOPLE)
def test_not_people(text: str, wrong: list[str], lexicons: Lexicons) -> None:
    assert_no_people(text, wrong, lexicons)


def test_names_and_roles_are_reported_as_written(lexicons: Lexicons) -> None:
    written = "會議由行政長官歐陽志明主持。"
    article = snippet("会议由行政长官欧阳志明主持。")
    found = find_people(article.text, article.tokens, lexicons, written=written)
    assert [(p.name, p.roles) for p in found] == [("歐陽志明", ("行政長官",))]
