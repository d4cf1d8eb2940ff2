from __future__ import annotations

import pytest

from service.lexicons import Lexicons
from service.pipeline.organizations import find_organizations
from tests.pipeline.conftest import places, snippet


def organizations(text: str, lexicons: Lexicons) -> dict[str, tuple[str, ...]]:
    article = snippet(text)
    return {e.name: e.short_forms for e in find_organizations(article.text, article.tokens, lexicons)}


# fmt: off
ORGANIZATIONS = [
    ("6月6日，国家市场监督管理总局召开会议。", "国家市场监督管理总局"),
    ("中央第二十指导组组长姜大明出席会议。", "中央第二十指导组"),
    ("中央第22指导组有关同志参加会议。", "中央第22指导组"),
    ("中央主题教育领导小组第七指导组组长薛延忠讲话。", "第七指导组"),
    ("北京市通信管理局、在京直属单位参加会议。", "北京市通信管理局"),
    ("工业和信息化部党组书记、部长苗圩作动员讲话。", "工业和信息化部"),
    ("会上，海关总署表彰了有功集体。", "海关总署"),
    ("江苏省生态环境厅召开专题会议。", "江苏省生态环境厅"),
    ("成都市人民政府办公厅印发通知。", "成都市人民政府办公厅"),
    ("省法院、省检察院党组书记参加会议。", "省法院"),
    ("人力资源社会保障部、住房城乡建设部联合部署。", "人力资源社会保障部"),
    ("中国气象局发布暴雨预警。", "中国气象局"),
    ("国务院安委会办公室关于开展安全生产月活动的通知", "国务院安委会办公室"),
    ("在四川大学华西医院，他与科研人员交流。", "四川大学华西医院"),
    ("黄晓东主持召开座谈会，听取省科技厅工作汇报。", "省科技厅"),
    ("会议听取了市发展改革委关于基地建设情况的汇报。", "市发展改革委"),
    ("省委会议室里，市委常委会研究部署。", "省委"),
    # a name ends at a word's edge, and never runs across a title + a name or a verb
    ("国务院总理李明远作政府工作报告。", "国务院"),
    ("河北省省长王建军到省科技厅调研。", "省科技厅"),
    ("吉林省委书记张建华在会上讲话。", "吉林省委"),  # 省委书记 is one word: 省委 goes on into a title
    # a standard body with 和 inside (org_stems.txt) is one name
    ("刚才，省文化和旅游厅、黄山市作了交流发言。", "省文化和旅游厅"),
    ("吉林省住房和城乡建设厅召开会议。", "吉林省住房和城乡建设厅"),
    ("成都市人力资源和社会保障局发布通知。", "成都市人力资源和社会保障局"),
    ("杭州市规划和自然资源局、市自然资源和规划局参加。", "杭州市规划和自然资源局"),
    ("会议听取了市经济和信息化委员会的汇报。", "市经济和信息化委员会"),
    ("县教育和体育局、区文化广电和旅游局负责同志发言。", "县教育和体育局"),
    ("县教育和体育局、区文化广电和旅游局负责同志发言。", "区文化广电和旅游局"),
    ("国家卫生和计划生育委员会印发通知。", "国家卫生和计划生育委员会"),
    ("广东省海洋与渔业厅召开会议。", "广东省海洋与渔业厅"),
    ("市城市管理和综合执法局开展整治。", "市城市管理和综合执法局"),
    # a Party committee's own department written straight after it
    ("省委宣传部、省直机关工委作交流发言。", "省委宣传部"),
    ("市委组织部部长李华出席。", "市委组织部"),
    ("县委政法委、县公安局负责同志参加。", "县委政法委"),
    # merged discipline bodies and people's bodies (群团组织)
    ("近日，市纪委监委通报4起典型问题。", "市纪委监委"),
    ("民建市委会、市工商联负责同志先后发言。", "市工商联"),
    ("省妇联、省残联、省科协联合开展活动。", "省科协"),
    # a company by its registered name, after a clause edge
    ("座谈会上，华信电子科技有限公司董事长许佳宁发言。", "华信电子科技有限公司"),
    ("会见了中国铁建股份有限公司董事长。", "中国铁建股份有限公司"),
    # an autonomous region's or prefecture's own bodies, named by their level alone (as 省政协 is)
    ("会议听取了自治区发展改革委、自治区党委组织部的汇报。", "自治区党委组织部"),
    ("自治州人民政府办公室印发通知。", "自治州人民政府办公室"),
    # 据 (according to) takes a body as 经 and 由 do
    ("据市统计局测算，全年增长5%。", "市统计局"),
]
NOT_ORGANIZATIONS = [
    "为党和国家工作全局作出贡献，推动党中央决策部署落实。",
    "全市市场监管部门坚持不懈，各部门要认真落实。",
    "要提高政治站位，服务国家发展大局。",
    "研究部署深圳湾超级总部基地建设。",
]
NOT_ORGANIZATION_NAMES = [
    # 和 between two bodies keeps them apart
    ("省委和省政府高度重视。", ["省委和省政府"]),
    ("市委和市政府、县委和县政府主要负责同志参加。", ["市委和市政府", "县委和县政府"]),
    ("推进文化和旅游融合发展，住房和城乡建设领域改革。", ["文化和旅游", "住房和城乡建设"]),
    ("国务院总理李明远作政府工作报告。", ["国务院总理李明远作政府"]),
    ("国务院副总理陈立新会见世界银行行长。", ["国务院副总理陈立新会见世界银行"]),
    ("河北省省长王建军到省科技厅调研。", ["河北省省长王建军到省科技厅"]),
    # a company name never takes in the clause before it
    ("他来到成都调研华信电子科技有限公司。", ["他来到成都调研华信电子科技有限公司", "成都调研华信电子科技有限公司"]),
]
PLACES = [
    ("6月3日下午，吉林省主题教育工作会议在长春召开。", ["吉林省", "长春"]),
    ("广西壮族自治区南宁市召开会议。", ["广西壮族自治区", "南宁市"]),
    ("会议在京召开。", ["京"]),
    ("代表团赴沪调研。", ["沪"]),
    ("新疆维吾尔自治区和田地区，内蒙古鄂尔多斯市。", ["新疆维吾尔自治区", "和田地区", "内蒙古", "鄂尔多斯市"]),
    ("与会人员实地察看了湖州市安吉县、德清县高标准农田。", ["湖州市", "安吉县", "德清县"]),
    ("朱建平还带队赴莫干山镇调研民宿经济发展。", ["莫干山镇"]),
    # an address: the town and the village after their county
    ("全市乡村振兴现场推进会在安吉县天荒坪镇大溪村召开。", ["安吉县", "天荒坪镇", "大溪村"]),
    ("会议在安吉县天荒坪镇大溪村召开。与会人员观摩了大溪村、横山村等村。", ["大溪村", "横山村"]),
    ("调研组来到霞浦县三沙镇、雷山县西江镇。", ["霞浦县", "三沙镇", "雷山县", "西江镇"]),
    # counties, districts and prefectures of the whole division list (tools/build_places.py)
    ("在雷山县西江镇，他详细询问产业发展。在凯里市，他走进企业车间。", ["雷山县", "凯里市"]),
    ("涪城区、游仙区、江油市作交流发言。", ["涪城区", "游仙区", "江油市"]),
    ("省委书记在黔东南州调研，听取黔东南州委汇报。", ["黔东南州"]),
    ("峨边彝族自治县、马边县和阿坝州汶川县受灾。", ["峨边彝族自治县", "马边县", "阿坝州", "汶川县"]),
    ("调研组先后来到正蓝旗、二连浩特市和锡林郭勒盟。", ["正蓝旗", "二连浩特市", "锡林郭勒盟"]),
    ("福建省宁德市霞浦县，广东省梅州市大埔县。", ["霞浦县", "大埔县"]),
    ("北京市朝阳区、天津市和平区、兰州市城关区召开会议。", ["朝阳区", "和平区", "城关区"]),
    ("江油、凯里两地代表出席。", ["江油", "凯里"]),
    # a town whose name opens with 中 (a county's may not: 市中区), after its county
    ("调研组走进巫溪县中岗乡、城口县。", ["巫溪县", "中岗乡"]),
    # the state-level new areas (国家级新区), no administrative unit of the division list
    ("贵安新区、西咸新区和滇中新区作交流发言。", ["贵安新区", "西咸新区", "滇中新区"]),    # foreign countries (places_hand.txt)
    ("哈萨克斯坦农业部第一副部长、塔吉克斯坦农业部副部长等外方嘉宾致辞。", ["哈萨克斯坦", "塔吉克斯坦"]),
    ("中方与美国、俄罗斯、沙特、印尼代表举行会谈。", ["美国", "俄罗斯", "沙特", "印尼"]),
]
NOT_PLACES = [
    "推进新时代党的建设，确保长治久安。",
    "在新时代展现新作为。",
    "欢迎各位来宾，三明治与普洱茶。",
    "各区要增强紧迫感，到各乡镇调研，在全镇开展。",
    # short forms that are words: 和平, 城关, 长安, 江南, 东方, 兴国, 沿河, 路桥, 城区, 新城区 …
    "坚持和平发展道路，建设美丽城区，推进主城区、新城区建设。",
    "长安街上，江南水乡，东方红，太平盛世，永安无事。",
    "要科技兴国，沿河两岸的路桥建设，长寿之乡。",
    "在城关镇召开座谈会。",
    # a two-character county (和县) is no word's tail; no name starts inside a word (终南山区)
    "市委和县委主要负责同志参加会议。",
    "终南山区的生态保护。",
    # given names that are district short forms (宝山, 建华, 向阳)
    "李宝山、刘向阳同志出席会议。",
]
# fmt: on


@pytest.mark.parametrize(("text", "name"), ORGANIZATIONS)
def test_organizations(text: str, name: str, lexicons: Lexicons) -> None:
    assert name in organizations(text, lexicons)


@pytest.mark.parametrize("text", NOT_ORGANIZATIONS)
def test_not_organizations(text: str, lexicons: Lexicons) -> None:
    found = organizations(text, lexicons)
    assert not [name for name in found if name.endswith(("全局", "大局", "部署", "部门"))], found


@pytest.mark.parametrize(("text", "wrong"), NOT_ORGANIZATION_NAMES)
def test_not_organization_names(text: str, wrong: list[str], lexicons: Lexicons) -> None:
    found = organizations(text, lexicons)
    assert not set(wrong) & set(found), found


def test_short_forms_are_tied_to_the_full_name(lexicons: Lexicons) -> None:
    found = organizations("国家市场监督管理总局召开会议。市场监管总局党组高度重视。", lexicons)
    assert found["国家市场监督管理总局"] == ("市场监管总局",)


def test_a_short_form_alone_is_reported_as_written(lexicons: Lexicons) -> None:
    assert "工信部" in organizations("工信部召开会议。", lexicons)


@pytest.mark.parametrize(("text", "names"), PLACES)
def test_places(text: str, names: list[str], lexicons: Lexicons) -> None:
    found = places(text, lexicons)
    for name in names:
        assert name in found, found


@pytest.mark.parametrize("text", NOT_PLACES)
def test_not_places(text: str, lexicons: Lexicons) -> None:
    assert places(text, lexicons) == []


def test_after_a_county_the_words_乡村_村民_镇政府_are_no_towns(lexicons: Lexicons) -> None:
    text = "安吉县乡村振兴成效明显，安吉县村民收入增长，安吉县镇政府负责人参加。"
    assert places(text, lexicons) == ["安吉县"]


def test_after_a_county_中心村_and_中心镇_are_kinds_not_towns(lexicons: Lexicons) -> None:
    assert places("推进巫溪县中心村建设，巫溪县中心镇扩容。", lexicons) == ["巫溪县"]


def test_no_county_is_read_into_a_city_s_districts(lexicons: Lexicons) -> None:
    assert places("深圳市各区要增强紧迫感，湖州市区、杭州市委。", lexicons) == ["深圳市", "湖州市", "杭州市"]


def test_bodies_joined_by_and_stay_two(lexicons: Lexicons) -> None:
    assert list(organizations("省委和省政府高度重视。", lexicons)) == ["省委", "省政府"]


# fmt: off
PLACES_INSIDE_NAMES = [
    # text, the place short form that is part of a person's name (秀英区, 宝山区, 向阳区)
    ("市委副书记、市长韩志远出席会议并讲话，副市长梁秀英主持会议。", "秀英"),
    ("区委书记李宝山出席，副区长刘向阳主持。", "宝山"),
]
# fmt: on


@pytest.mark.parametrize(("text", "inside"), PLACES_INSIDE_NAMES)
def test_a_place_inside_a_person_s_name_is_dropped(text: str, inside: str) -> None:
    from service.pipeline import process
    from service.pipeline.article import Upload

    article = process(Upload(text.encode()))
    assert inside not in [place.name for place in article.metadata.places]
    assert any(inside in person.name for person in article.metadata.people)
