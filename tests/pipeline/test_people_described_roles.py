"""People: occupations and students as roles before a name, the families of martyrs, a scholar's
title after a body and a name, bylines that list names with 、, the words that end a name (严重,
则, 关于, 带着), roles cut where a verb's 了 or a bracket stands, and long names that end in a verb."""

from __future__ import annotations

import pytest

from service.lexicons import Lexicons
from tests.pipeline.conftest import assert_no_people, assert_person, people

# fmt: off
FOUND = [
    # text, name, roles (exactly)
    # a word for what a person does, ending with 员, is the role before the name
    ("座谈会上，市客运公司驾驶员陶建华说，安全第一。", "陶建华", ("市客运公司驾驶员",)),
    ("工会代表、博物馆讲解员许晓彤介绍了展品。", "许晓彤", ("工会代表", "博物馆讲解员")),
    # a student speaking for the others: the year and the school are the role
    ("物理学院2021级本科生古丽娜·艾买提和化学学院博士生韩子墨先后发言。", "古丽娜·艾买提",
     ("物理学院2021级本科生",)),
    ("物理学院2021级本科生古丽娜·艾买提和化学学院博士生韩子墨先后发言。", "韩子墨", ("化学学院博士生",)),
    # the families of martyrs and soldiers are people with no office
    ("副市长一行看望烈士遗属张桂芳，送上慰问金。", "张桂芳", ()),
    ("走访慰问军属朱秀英、何德全。", "何德全", ()),
    # a name before a verb word no follower lists, or before 则 and 带着
    ("退休工人方国平带着孙子报了名。", "方国平", ()),
    ("志愿者郑晓雨则负责引导。", "郑晓雨", ()),
    # a scholar's title after a body and a name
    ("北京大学孔令辉教授团队研发的新材料获奖。", "孔令辉", ("教授",)),
    # a reporters' byline of names joined by 、, the last one ending at the bracket
    ("新华社杭州5月6日电（记者司马云、韦立新）记者6日获悉。", "韦立新", ("记者",)),
    ("新华社杭州5月6日电（记者司马云、韦立新）记者6日获悉。", "司马云", ("记者",)),
    # a case's title, a subject's 关于
    ("通报了原某市交通运输局局长严建华严重违纪违法案。", "严建华", ("原某市交通运输局局长",)),
    ("听取了市农科院院长彭志强关于试验田的汇报。", "彭志强", ("市农科院院长",)),
    # no 了 in a role: 听取了 and 听取和讨论了 lead to it
    ("全会听取和讨论了市委书记罗建平所作的报告。", "罗建平", ("市委书记",)),
    # 拓, a surname of the northwest
    ("副省长拓文华致辞，副省长宁海燕主持。", "拓文华", ("副省长",)),
    # 首席专家
    ("项目首席专家吴立强介绍，试验已完成。", "吴立强", ("项目首席专家",)),
]

NOT_PEOPLE = [
    # text, what must not be a person
    ("北京大学教授指出，要加强研究。", ["大学", "北京大学"]),
    ("技术人员马上到场处置。", ["马上"]),
    ("钱永康院士代表获奖者发言。", ["获奖者发言", "获奖者"]),
    ("副省长拓文华致辞。", ["拓文华致辞"]),
    ("要拓展渠道，沐浴阳光。", ["拓展", "沐浴"]),
    ("全体党员干部要带头。", ["党员干部"]),
    ("各成员单位（组长单位）要牵头。", ["单位"]),
]
# fmt: on


@pytest.mark.parametrize(("text", "name", "roles"), FOUND)
def test_found(text: str, name: str, roles: tuple[str, ...], lexicons: Lexicons) -> None:
    assert_person(text, name, roles, lexicons)


@pytest.mark.parametrize(("text", "wrong"), NOT_PEOPLE)
def test_not_people(text: str, wrong: list[str], lexicons: Lexicons) -> None:
    assert_no_people(text, wrong, lexicons)


def test_a_word_for_a_person_ending_with_yuan_gives_no_role(lexicons: Lexicons) -> None:
    # 消防队员 ends with 队员, a word for a person: the name is found, with no role
    found = people("朝鲜族消防队员金顺姬讲述了救火经过。", lexicons)
    assert found["金顺姬"].roles == ()


def test_a_role_stops_at_a_name_found_before(lexicons: Lexicons) -> None:
    # the second name's role is not stretched back over the first name
    found = people("新生代表、文学院本科生古丽娜·艾买提和老生代表、化学学院本科生韩子墨先后发言。", lexicons)
    assert found["韩子墨"].roles == ("老生代表", "化学学院本科生")


# fmt: off
NOTICES = [
    # election results read as an appointment: 补选/递补/增选/选举 X为Y
    ("全会补选钱立强为区委常委。", "钱立强", ("区委常委",)),
    ("按得票多少递补孙雅琴、吕国华为区委委员。", "吕国华", ("区委委员",)),
    # 以X同志为总书记的: the title between 为 and 的 is the comrade's role
    ("团结在以张建国同志为总书记的党中央周围。", "张建国", ("总书记",)),
    # a list of bare names after a colon
    ("在主席台就座的还有：汪晓丽、孟建平、逄强等。", "逄强", ()),
    ("出席会议的有：汪晓丽、孟建平同志。", "孟建平", ()),
    # a profile line of a notice: the name opens the line, then ，男， or ，女，; 现任 gives the roles
    ("公示如下：\n者建华，男，彝族，1978.05生，中共党员，现任某县委常委、常务副县长，拟任县长。",
     "者建华", ("某县委常委", "常务副县长")),
    ("公示如下：\n1.陶晓燕，女，汉族，大学学历，现任市财政局副局长，拟任正职。", "陶晓燕", ("市财政局副局长",)),
]

NOTICES_NOT = [
    ("以张建国同志为核心的党中央。", "张建国", ()),  # 核心 is no title: a comrade, no role
]

NOT_LISTED = [
    ("考察的还有：张家港、常熟、昆山。", ["张家港", "常熟"]),  # known places
    ("参加的有：省发改委、省财政厅。", ["省发改委"]),
    ("选举产生新一届委员会。", ["产生"]),
    ("要求如下：\n会议时间，男，女均可报名。", ["会议时间"]),
    ("审计署驻成都特派员办事处负责同志出席。", ["成都"]),  # a place before a title
]
# fmt: on


@pytest.mark.parametrize(("text", "name", "roles"), NOTICES + NOTICES_NOT)
def test_notices_and_lists(text: str, name: str, roles: tuple[str, ...], lexicons: Lexicons) -> None:
    assert_person(text, name, roles, lexicons)


@pytest.mark.parametrize(("text", "wrong"), NOT_LISTED)
def test_not_listed(text: str, wrong: list[str], lexicons: Lexicons) -> None:
    assert_no_people(text, wrong, lexicons)


@pytest.mark.parametrize(
    "text",
    [
        "报名条件：\n不限，男，女均可。",  # both sexes: no one's profile
        "报名表：\n报名者，男，汉族。",  # a word, of no surname
        "申请表：\n申请人，女，汉族。",
    ],
)
def test_no_profile(text: str, lexicons: Lexicons) -> None:
    assert people(text, lexicons) == {}
