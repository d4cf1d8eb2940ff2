from __future__ import annotations

import pytest

from service.lexicons import Lexicons
from service.pipeline.article import Person
from tests.pipeline.conftest import people

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
    # a Tibetan name: two name parts and no surname, after a title
    ("县委副书记、县长索朗扎西主持会议。", "索朗扎西", ["县委副书记", "县长"]),
    ("州人大常委会副主任格桑卓玛，副州长巴桑次仁出席。", "巴桑次仁", ["副州长"]),
    # a date may follow the name (新华社 style: 总理X7月26日主持召开)
    ("国务院总理周恒远7月26日主持召开国务院常务会议。", "周恒远", ["国务院总理"]),
    ("省长韩德明12日在济南调研。", "韩德明", ["省长"]),
    # a disciplinary report: the name, then what the person did
    ("市住房和城乡建设局原党组书记、局长贺立群违规收受礼品礼金问题。", "贺立群", ["局长"]),
    ("崇仁县人民医院原院长聂文华违规发放津贴补贴问题。", "聂文华", ["崇仁县人民医院原院长"]),
    # command titles of 指挥部 bodies
    ("副省长、省防汛抗旱指挥部指挥长孔祥瑞主持会议。", "孔祥瑞", ["副省长", "省防汛抗旱指挥部指挥长"]),
    ("市防汛抗旱指挥部副指挥长陈立东参加会议。", "陈立东", ["市防汛抗旱指挥部副指挥长"]),    # a reporter's byline in brackets, and a photo credit
    ("本报讯（记者 张晓峰）二〇一四年十一月二十日上午，渠阳县召开会议。", "张晓峰", ["记者"]),
    ("本报讯（记者 张晓峰 通讯员 李明）5月3日，县委召开会议。", "李明", ["通讯员"]),
    ("新华社北京3月8日电（记者 周立新、王海涛）会议举行。", "周立新", ["记者"]),
    ("记者张晓峰报道，会议举行。", "张晓峰", ["记者"]),
    ("图为会议现场。新华社记者王芳摄", "王芳", ["新华社记者"]),
    # a name that ends the text (a title-page line, a caption): no character after it to read
    ("会议由县长罗卫东", "罗卫东", ["县长"]),
    # a verb or adverb word no follower lists: the name ends where that word starts
    ("会上，研究生院院长孟凡超解读了《研究生导师岗位管理办法》。", "孟凡超", ["研究生院院长"]),
    ("学院院长孟凡超详细解读了文件。", "孟凡超", ["学院院长"]),
    ("副县长王刚解读文件。", "王刚", ["副县长"]),
    # a word for a person with no office, then the name
    ("在城关镇，杨卫东来到85岁的老党员刘德厚家中，与他拉家常。", "刘德厚", []),
    ("村民李桂兰说，日子越过越好。", "李桂兰", []),
    ("村民王刚说，好。", "王刚", []),
]
LISTS = [
    ("副省长张国华、李红梅出席会议。", ["张国华", "李红梅"], "副省长"),
    ("自治区副主席阿不都热依木、刘春明、古丽娜尔·买买提出席会议。", ["阿不都热依木", "刘春明", "古丽娜尔·买买提"], "自治区副主席"),
    ("市领导张晓峰、欧阳立新、陈卫东同志出席会议。", ["张晓峰", "欧阳立新", "陈卫东"], "市领导"),
]
DESCRIBED_LISTS = [
    ("慰问困难群众王秀英、张德福。", ["王秀英", "张德福"]),
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
    ("大会执行主席王建军、李红出席。李红和主任们一起调研。", ["李红和"]),    # a byline's role is no part of the text before its bracket; 记者 alone names no one
    ("本报讯（记者 张晓峰）会议召开。", ["张晓峰）", "张晓"]),
    ("记者从省教育厅获悉，答记者问。", ["从省教", "记者"]),
    ("新华社记者王芳摄", ["王芳摄"]),
    # two Tibetan name parts with no title before them are not read as a name
    ("扎西德勒，次仁平安。", ["扎西德勒"]),
    # a title that ends inside a word heads no name: 校领导 in 高校领导班子 (班 is a surname)
    ("部属高校领导班子共800余人在主会场，部属高校领导班子在分会场参加会议。", ["班子"]),
    # the verb word bounds the name; a run of words up to the full stop is no long minority name
    ("院长孟凡超解读了文件。副县长王刚解读文件。", ["孟凡", "孟凡超解", "王刚解读文件", "王刚解"]),
    # after a word for a person, the words of a sentence are no name: no title vouches for them
    ("群众关注的问题，群众不认可不罢休，让居民住得更安心，维护职工权益，群众满意。",
     ["关注", "不认可", "住得更安心", "权益", "满意"]),
    ("坚持群众路线，职工食堂开业。", ["路线", "食堂"]),
    ("村民李桂兰说，好。", ["李桂兰说"]),
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


@pytest.mark.parametrize(("text", "names"), DESCRIBED_LISTS)
def test_a_list_after_a_word_for_people_is_people_with_no_role(text: str, names: list[str], lexicons: Lexicons) -> None:
    found = people(text, lexicons)
    assert set(names) <= set(found), found
    assert all(found[name].roles == () for name in names)


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


# fmt: off
# Appointment and removal notices: the person follows 任命/提名/免去 (a list joined by 、) or comes
# before 同志任/不再担任; the role is the whole office as written.
APPOINTED = [
    # text, {name: roles (exactly)}
    ("任命王志军为水利部副部长；", {"王志军": ("水利部副部长",)}),
    ("任命刘思远为国家统计局副局长（正部长级）；", {"刘思远": ("国家统计局副局长",)}),
    ("任命刘思远、赵婉清为国家统计局副局长。", {"刘思远": ("国家统计局副局长",), "赵婉清": ("国家统计局副局长",)}),
    ("免去陈立新的国家统计局副局长职务。", {"陈立新": ("国家统计局副局长",)}),
    ("免去孙德胜的国务院研究室副主任职务，退休。", {"孙德胜": ("国务院研究室副主任",)}),
    ("免去张建国、李秀英的商务部部长助理职务。", {"张建国": ("商务部部长助理",), "李秀英": ("商务部部长助理",)}),
    ("决定任命李建国为浙江省副省长、党组成员。", {"李建国": ("浙江省副省长", "党组成员")}),
    ("省人民政府决定任命何志强为省交通运输厅厅长。", {"何志强": ("省交通运输厅厅长",)}),
    ("提名周建平为广州市市长人选。", {"周建平": ("广州市市长",)}),
    ("提名张红梅为省长候选人。", {"张红梅": ("省长",)}),
    ("张晓东同志任四川省委常委、组织部部长。", {"张晓东": ("四川省委常委", "组织部部长")}),
    ("王海涛同志不再担任湖南省副省长职务。", {"王海涛": ("湖南省副省长",)}),
    ("欧阳立新不再担任市生态环境局局长职务。", {"欧阳立新": ("市生态环境局局长",)}),
]
NOT_APPOINTED = [
    # no name after the verb, or no office
    "会上，为新任干部颁发任命书。",
    "实行干部任命制，规范任命程序。",
    "免去张某的行政处罚。",
    "依法免去其处罚。",
    "他被任命为水利部副部长。",
    "李强任务繁重。",
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), APPOINTED)
def test_an_appointment_names_the_person_and_the_office(
    text: str, expected: dict[str, tuple[str, ...]], lexicons: Lexicons
) -> None:
    found = people(text, lexicons)
    assert {name: person.roles for name, person in found.items()} == expected
    for name in expected:
        mention = found[name].mentions[0]
        assert (text[mention.start : mention.end], mention.rule) == (name, "appointment")


@pytest.mark.parametrize("text", NOT_APPOINTED)
def test_a_trap_names_no_one(text: str, lexicons: Lexicons) -> None:
    assert people(text, lexicons) == {}


# fmt: off
BRACKETED = [
    # text, name, the roles in its brackets
    ("参加会议的有：钱卫东（市财政局局长）、孙丽（市审计局副局长、党组成员）。", "钱卫东", ["市财政局局长"]),
    ("参加会议的有：钱卫东（市财政局局长）、孙丽（市审计局副局长、党组成员）。", "孙丽", ["市审计局副局长", "党组成员"]),
    ("出席签约仪式的还有：周海（南方港口集团总经理）。", "周海", ["南方港口集团总经理"]),
]
NOT_BRACKETED = [
    # brackets that hold no title, or a name that opens no list item
    ("会议听取了方案（征求意见稿）、刘强（主持人）的说明。", "刘强"),
    ("他们来到老党员王德福（85岁）家中。", "王德福"),
]
# fmt: on


@pytest.mark.parametrize(("text", "name", "roles"), BRACKETED)
def test_roles_in_brackets_after_a_list_item(text: str, name: str, roles: list[str], lexicons: Lexicons) -> None:
    found = people(text, lexicons)
    assert name in found
    assert list(found[name].roles) == roles


@pytest.mark.parametrize(("text", "name"), NOT_BRACKETED)
def test_brackets_without_a_title_give_no_role(text: str, name: str, lexicons: Lexicons) -> None:
    assert not people(text, lexicons).get(name, Person(name, (), ())).roles


def test_deng_after_a_name_closes_a_list_not_the_name(lexicons: Lexicons) -> None:
    found = people("出席会议的还有副市长郑春林等。", lexicons)
    assert "郑春林" in found and "郑春林等" not in found
