from __future__ import annotations

import pytest

from service.lexicons import Lexicons
from service.pipeline.article import Person
from service.pipeline.people import find_people
from tests.pipeline.conftest import snippet


def people(text: str, lexicons: Lexicons) -> dict[str, Person]:
    article = snippet(text)
    return {p.name: p for p in find_people(article.text, article.tokens, lexicons)}


# fmt: off
FOUND = [
    # text, name, roles that must be among the person's roles
    ("中央第二十指导组组长姜大明出席会议并作重要讲话。", "姜大明", ["中央第二十指导组组长"]),
    ("省委副书记、省长景俊海主持会议。", "景俊海", ["省委副书记", "省长"]),
    ("总局党组书记、局长，总局主题教育领导小组组长肖亚庆作动员讲话。", "肖亚庆", ["总局党组书记", "局长"]),
    ("会议由国家发展改革委副主任于学军主持。", "于学军", ["国家发展改革委副主任"]),
    ("于学军副主任在会上指出，要抓好落实。", "于学军", ["副主任"]),
    ("深入学习习近平总书记重要讲话精神。", "习近平", ["总书记"]),
    ("以习近平同志为核心的党中央。", "习近平", []),
    ("中央第22指导组组长范小建同志出席会议。", "范小建", ["中央第22指导组组长"]),
    ("省委书记、省人大常委会主任巴音朝鲁强调，要压实责任。", "巴音朝鲁", ["省委书记", "省人大常委会主任"]),
    ("副组长孔泉出席；省政协主席江泽林出席会议。", "江泽林", ["省政协主席"]),
    ("广东省副省长欧阳文华在会上讲话。", "欧阳文华", ["广东省副省长"]),
    ("浙江省委常委、秘书长陈奕君主持会议。", "陈奕君", ["浙江省委常委", "秘书长"]),
    ("王辉忠在讲话中指出，要聚焦根本任务。", "王辉忠", []),
    ("国务院副总理刘鹤出席开幕式并致辞。", "刘鹤", ["国务院副总理"]),
    # held out: minority names, bylines, 领导 lists, titles not in the seeds
    ("自治区党委副书记、自治区主席买买提江·吾斯曼出席会议。", "买买提江·吾斯曼", ["自治区主席"]),
    ("自治区副主席古丽娜尔·买买提出席会议。", "古丽娜尔·买买提", ["自治区副主席"]),
    ("自治区副主席阿不都热依木、刘春明出席会议。", "阿不都热依木", ["自治区副主席"]),
    ("自治区主席那顺孟和，自治区政协主席巴特尔出席。", "那顺孟和", ["自治区主席"]),
    ("在全市优化营商环境大会上的讲话\n成都市委书记 王文龙\n同志们：", "王文龙", ["成都市委书记"]),
    ("国家自然资源总督察张海洋出席会议并讲话。", "张海洋", ["国家自然资源总督察"]),
    ("市政府秘书长周卫国列席会议。", "周卫国", ["市政府秘书长"]),
    ("省领导司马文彬，省政府秘书长罗建国等参加调研。", "司马文彬", []),
    # a date may follow the name (新华社 style: 总理X7月26日主持召开)
    ("国务院总理周恒远7月26日主持召开国务院常务会议。", "周恒远", ["国务院总理"]),
    ("省长韩德明12日在济南调研。", "韩德明", ["省长"]),
]
LISTS = [
    ("副省长张国华、李红梅出席会议。", ["张国华", "李红梅"], "副省长"),
    ("自治区副主席阿不都热依木、刘春明、古丽娜尔·买买提出席会议。", ["阿不都热依木", "刘春明", "古丽娜尔·买买提"], "自治区副主席"),
    ("市领导张晓峰、欧阳立新、陈卫东同志出席会议。", ["张晓峰", "欧阳立新", "陈卫东"], "市领导"),
]
NOT_PEOPLE = [
    ("尊敬的**组长，各位领导，同志们：", ["**", "组长", "**组长"]),
    ("真正把马克思主义看家本领学到手，以钉钉子精神抓落实。", ["马克思", "马克思主义", "钉钉子"]),
    ("中央指导组将按照党中央部署要求开展工作。", ["中央指导组", "中央"]),
    ("自治区党委常委，自治区人大常委会、自治区政协党组成员参加。", ["区人大", "区政协"]),
    ("县委副书记、县长 **\n同志们：", ["**", "县长", "同志们"]),
    ("自治区主席那顺孟和，自治区政协主席巴特尔出席。", ["那顺孟"]),
    ("自治区副主席古丽娜尔·买买提出席会议。", ["古丽娜尔·买买", "古丽娜尔", "买买提"]),
    ("会议指出，要坚决贯彻。文件强调，要严格落实。", ["会议", "文件"]),
    ("省人大常委会、省政协有关负责同志参加会议。", ["关负责", "负责"]),
    ("各级党员同志要带头。", ["党员"]),
    ("习近平总书记强调要“当好引领者”。", ["强调要"]),
    # a title after a name stands as a word, not the head of 主席台, 主席团, 部长级
    ("张建华在主席台前排就座。", ["华在", "张建华在"]),
    ("大会主席团成员刘志强在主席团会议上发言。", ["强在", "刘志强在"]),
    # a name already found does not swallow the 和/在 that follows it
    ("大会执行主席王建军、李红出席。李红和主任们一起调研。", ["李红和"]),
]
# fmt: on


@pytest.mark.parametrize(("text", "name", "roles"), FOUND)
def test_found(text: str, name: str, roles: list[str], lexicons: Lexicons) -> None:
    found = people(text, lexicons)
    assert name in found, found
    for role in roles:
        assert role in found[name].roles
    for mention in found[name].mentions:
        assert text[mention.start : mention.end] == name


@pytest.mark.parametrize(("text", "names", "role"), LISTS)
def test_a_list_shares_its_title(text: str, names: list[str], role: str, lexicons: Lexicons) -> None:
    found = people(text, lexicons)
    for name in names:
        assert role in found[name].roles


@pytest.mark.parametrize(("text", "wrong"), NOT_PEOPLE)
def test_not_people(text: str, wrong: list[str], lexicons: Lexicons) -> None:
    found = people(text, lexicons)
    assert not set(wrong) & set(found), found


def test_comrade_is_not_part_of_the_name(lexicons: Lexicons) -> None:
    found = people("苗圩同志作动员讲话。范小建同志出席。", lexicons)
    assert set(found) == {"苗圩", "范小建"}


def test_later_bare_mentions_count(lexicons: Lexicons) -> None:
    found = people("中央第二十指导组组长姜大明出席会议。\n姜大明在讲话中指出，要抓落实。", lexicons)
    assert found["姜大明"].mentions[0].rule == "title-before"
    assert len(found["姜大明"].mentions) == 2
