"""Places the gazetteer alone does not give, found where the text vouches for them: towns,
townships and streets listed together (`town-list`), and villages, three or more; a town and the
village written after it (`town`); a short form written with another level's
suffix (宜阳市 for the gazetteer's 宜阳县), a county outside it acting as one (`named-county`)."""

from __future__ import annotations

import signal

import pytest

from service.lexicons import Lexicons
from service.pipeline.places import find_places
from tests.pipeline.conftest import places, snippet

# fmt: off
LISTED_TOWNS = [
    ("市领导先后来到柳溪镇、石岭乡、桃源街道检查防汛工作。", ["柳溪镇", "石岭乡", "桃源街道"]),
    ("会上，东湖街道、西关街道作交流发言。", ["东湖街道", "西关街道"]),
    ("城关镇、青山乡等地受灾较重。", ["城关镇", "青山乡"]),
    # a body after the last one names its town all the same
    ("柳溪镇、石岭乡、桃源镇党委书记作交流发言。", ["柳溪镇", "石岭乡", "桃源镇"]),
    ("桃树村、上坪村、柳树村等村集体收入超过百万元。", ["桃树村", "上坪村", "柳树村"]),
    # the first name read back as a town's: the segmenter cuts an unknown one into characters
    ("推进刘官屯镇、石岭乡建设。", ["刘官屯镇", "石岭乡"]),
    ("如柳溪镇、石岭乡等地。", ["柳溪镇", "石岭乡"]),  # 如/v: a one-character word of a function
    # 新 opens a name where the segmenter reads one there (新华/nz)
    ("新华街道、桃源街道负责同志发言。", ["新华街道", "桃源街道"]),
    # 和 before the last one
    ("柳溪镇、石岭乡和桃源街道负责人发言。", ["柳溪镇", "石岭乡", "桃源街道"]),
    # communities (社区) and areas (片区), three or more as villages
    ("东湖社区、西岭社区、南苑社区推行网格化管理。", ["东湖社区", "西岭社区", "南苑社区"]),
    ("城北片区、河西片区和东港片区完成征迁。", ["城北片区", "河西片区", "东港片区"]),
]
NOT_LISTED_TOWNS = [
    "各乡镇、街道要抓好落实。",
    "全县乡镇、街道主要负责人参加会议。",
    "推进城乡、村镇协调发展。",
    "加快重点镇、特色镇、示范镇建设。",
    "贫困乡、民族乡享受扶持政策。",
    "行政村、自然村全部通硬化路。",
    "街道办事处、乡镇政府负责组织实施。",
    "美丽乡村、特色小镇建设提速。",
    "贫困村、空壳村、薄弱村逐年减少。",
    "行政村、自然村、村民小组全覆盖。",
    "桃树村、上坪村负责同志参加。",  # two villages: too few to vouch for each other
    "新建镇、新设街道要配齐人员。",  # 新建/ns: a kind all the same
    "城市社区、农村社区、老旧社区全覆盖。",
    "重点片区、核心片区和棚改片区加快建设。",
]
# fmt: on


@pytest.mark.parametrize(("text", "towns"), LISTED_TOWNS)
def test_towns_listed_together_are_places(text: str, towns: list[str], lexicons: Lexicons) -> None:
    assert places(text, lexicons) == towns


@pytest.mark.parametrize("text", NOT_LISTED_TOWNS)
def test_kinds_of_town_listed_together_are_no_places(text: str, lexicons: Lexicons) -> None:
    assert places(text, lexicons) == []


def test_a_listed_town_s_other_mentions_are_found(lexicons: Lexicons) -> None:
    text = "深入柳溪镇、石岭乡走访。在柳溪镇中心小学，"
    assert [len(e.mentions) for e in find_places(text, snippet(text).tokens, lexicons)] == [2, 1]


def test_one_town_alone_is_no_list(lexicons: Lexicons) -> None:
    assert places("柳溪镇在推进项目建设。", lexicons) == []


def test_等_closing_a_list_opens_no_county(lexicons: Lexicons) -> None:
    assert places("宝鸡市、咸阳市等县（市）要同步推进。", lexicons) == ["宝鸡市", "咸阳市"]


# fmt: off
OTHER_LEVEL = [
    ("桐庐市、**县作了交流发言。", ["桐庐市"]),  # the gazetteer's 桐庐县, written as a city
    ("仁寿区、东坡区负责同志参加。", ["仁寿区", "东坡区"]),
]
NOT_OTHER_LEVEL = [
    ("桐庐市场繁荣活跃。", ["桐庐"]),  # 市场, a word: the suffix is no level
    ("桐庐市民踊跃参加。", ["桐庐"]),
]
# fmt: on


@pytest.mark.parametrize(("text", "names"), OTHER_LEVEL + NOT_OTHER_LEVEL)
def test_a_short_form_keeps_another_level_s_suffix_only_as_a_word(
    text: str, names: list[str], lexicons: Lexicons
) -> None:
    assert places(text, lexicons) == names


# fmt: off
NAMED_COUNTIES = [
    ("11月20日上午，柳岗县召开秋冬水利建设动员大会。", ["柳岗县"]),
    ("全省现场会在柳岗县举行。", ["柳岗县"]),
    ("柳岗县委、县政府高度重视。", ["柳岗县"]),
]
NOT_NAMED_COUNTIES = [
    "全县召开大会。", "各县召开会议。", "该县召开会议。", "会议在本县召开。",
    "到基层县委调研。", "今年县委召开会议。", "随后县委召开会议。", "，贫困县召开会议。",
    "目前县政府正在研究。", "柳岗县有关负责人说。",  # no act: a county name alone is no evidence
]
# fmt: on


@pytest.mark.parametrize(("text", "names"), NAMED_COUNTIES)
def test_a_county_outside_the_gazetteer_acting_as_one_is_a_place(
    text: str, names: list[str], lexicons: Lexicons
) -> None:
    assert places(text, lexicons) == names


@pytest.mark.parametrize("text", NOT_NAMED_COUNTIES)
def test_words_before_县_are_no_county(text: str, lexicons: Lexicons) -> None:
    assert places(text, lexicons) == []


# fmt: off
TOWNS_WITH_VILLAGES = [
    ("与会人员观摩了柳溪镇桃树村的示范基地。", ["柳溪镇", "桃树村"]),
    ("，石岭乡上坪村、柳溪镇桃树村等12个村集体收入翻番。", ["石岭乡", "上坪村", "柳溪镇", "桃树村"]),
    ("调研组深入乌兰哈达苏木巴彦宝力格嘎查。", ["乌兰哈达苏木", "巴彦宝力格嘎查"]),
    ("在额尔敦高勒镇白音嘎查，他察看牧场。", ["额尔敦高勒镇", "白音嘎查"]),
]
NOT_TOWNS_WITH_VILLAGES = [
    "全镇行政村全部通硬化路。",
    "柳溪镇贫困村全部出列。",
    "该镇两个村集体收入过万。",
    "推进城镇新农村建设。",
    "回到家乡石岭村看望老人。",
    "柳溪镇村民收入增长。",
    "各乡镇村级组织换届。",
]
# fmt: on


@pytest.mark.parametrize(("text", "names"), TOWNS_WITH_VILLAGES)
def test_a_town_and_its_village_vouch_for_each_other(text: str, names: list[str], lexicons: Lexicons) -> None:
    assert places(text, lexicons) == names


@pytest.mark.parametrize("text", NOT_TOWNS_WITH_VILLAGES)
def test_words_before_村_after_a_town_are_no_village(text: str, lexicons: Lexicons) -> None:
    assert places(text, lexicons) == []


def test_a_town_s_name_stops_at_the_county_before_it(lexicons: Lexicons) -> None:
    assert places("会议在柳岗县柳溪镇桃树村召开。", lexicons) == ["柳溪镇", "桃树村"]


# fmt: off
STEMS = [
    # a stem the gazetteer withholds as a word, listed with a place (兴国县, 长治市)
    ("瑞金、兴国等地项目加快建设。", ["瑞金", "兴国"]),
    ("在长治、晋城开展试点。", ["长治", "晋城"]),
    # ... or with another level's suffix: 凤翔县 became a district of 宝鸡 in 2021
    ("在宝鸡市凤翔区召开现场会。", ["宝鸡市", "凤翔区"]),
]
NOT_STEMS = [
    "坚持科教兴国战略。",
    "确保社会长治久安。",
    "建设服务业合作区。",  # 合作区 is a word here, not a district of 合作市
]
# fmt: on


@pytest.mark.parametrize(("text", "names"), STEMS)
def test_a_withheld_stem_is_a_place_where_the_text_makes_it_one(
    text: str, names: list[str], lexicons: Lexicons
) -> None:
    assert places(text, lexicons) == names


@pytest.mark.parametrize("text", NOT_STEMS)
def test_a_withheld_stem_alone_is_no_place(text: str, lexicons: Lexicons) -> None:
    assert places(text, lexicons) == []


# fmt: off
HAND_LISTED = [
    # a province's part by its customary name; Hong Kong's and Macau's places (places_hand.txt)
    ("支持苏北、皖北等地振兴发展。", ["苏北", "皖北"]),
    ("在关中，他走访了种粮大户。", ["关中"]),
    ("在氹仔和路环设置监察点，荃湾区同步推进。", ["氹仔", "路环", "荃湾区"]),
    # lakes, and cities' areas no unit bears the name of
    ("保护洱海和滇池。", ["洱海", "滇池"]),
    ("在太湖调研水环境治理。", ["太湖"]),
    ("北京亦庄和上海外滩。", ["北京", "亦庄", "上海", "外滩"]),
    ("陆家嘴地区金融机构集聚。", ["陆家嘴"]),
]
NOT_HAND_LISTED = [
    "机关中层干部参加培训。",  # 关中 across two words
    "有关中央精神传达到位。",
]
# fmt: on


@pytest.mark.parametrize(("text", "names"), HAND_LISTED)
def test_regions_lakes_and_the_places_of_hong_kong_and_macau(text: str, names: list[str], lexicons: Lexicons) -> None:
    assert places(text, lexicons) == names


@pytest.mark.parametrize("text", NOT_HAND_LISTED)
def test_a_region_s_name_across_two_words_is_no_place(text: str, lexicons: Lexicons) -> None:
    assert places(text, lexicons) == []


def test_stems_listed_side_by_side_end(lexicons: Lexicons) -> None:
    # 永嘉、文成 are both stems the gazetteer withholds: each found the other again, for ever, until
    # each span was walked from once. The alarm turns a hang back into a failure.
    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("the list of stems was walked for ever")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(5)
    try:
        found = places("会议要求，鹿城区、永嘉、文成、泰顺要加强监督。", lexicons)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert found == ["鹿城区", "永嘉", "文成", "泰顺"]
