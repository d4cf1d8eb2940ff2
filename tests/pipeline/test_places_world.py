"""Places beyond the gazetteer's units: the world's countries, states and cities (places_world.txt),
the seas' islands and reefs (places_hand.txt); a county named by its former level in one word
(柳江县); and the words that only look like places (和县 in 和县直, 部分乡 in 部分乡镇, 惠农补贴)."""

from __future__ import annotations

import pytest

from service.lexicons import Lexicons
from tests.pipeline.conftest import places

# fmt: off
FOREIGN = [
    ("代表团访问了智利和乌拉圭。", ["智利", "乌拉圭"]),
    ("双方将在日内瓦举行磋商。", ["日内瓦"]),
    ("该州与美国明尼苏达州结为友好省州。", ["美国", "明尼苏达州"]),
    ("中欧班列从重庆开往杜伊斯堡。", ["重庆", "杜伊斯堡"]),
    ("广岛核爆纪念活动在长崎举行。", ["广岛", "长崎"]),
    # a state's formal name after its short one, read as one word: the place as written
    ("应哥伦比亚共和国政府邀请，哥伦比亚代表团来访。", ["哥伦比亚共和国"]),
    # the seas' islands and reefs, China's coastal islands
    ("海警船在美济礁附近海域巡航。", ["美济礁"]),
    ("黄岩岛是中国固有领土。", ["黄岩岛"]),
    ("崇明岛生态建设持续推进。", ["崇明岛"]),
]
NOT_FOREIGN = [
    ("会见了英国客人乔治·华盛顿先生。", ["英国"]),  # a part of a person's dotted name
    ("华盛顿·欧文的小说。", []),
    ("会见文莱苏丹哈桑纳尔。", ["文莱"]),  # Brunei's sultan, no Sudan
    ("推进中非合作论坛成果落实。", []),  # China and Africa
    ("朝鲜族群众欢度节日。", []),
    ("包罗万象的展览。", []),  # 万象, Vientiane, is left out: the word
]
# a short form with another level's suffix, one word to the segmenter: the county the list has as
# a district since (柳江区 in 2016), as an older text names it
FORMER_LEVEL = [
    ("柳江县、柳城县等地旱情缓解。", ["柳江县", "柳城县"]),
]
NOT_PLACES = [
    ("全县各乡镇和县直单位负责同志参加。", []),  # 和县 (Anhui's) across 和 and 县直
    ("发放惠农补贴资金。", []),  # 惠农区's short form is the policy word
    ("三江侗族自治县部分乡镇群众饮水困难。", ["三江侗族自治县"]),  # 乡镇, no 部分乡
    ("安溪县贫困村全部脱贫。", ["安溪县"]),  # a kind of village after its county
]
NAMED_TOWNS = [
    ("去年，石湾镇党委书记违规收受礼金。", ["石湾镇"]),
    ("；杨柳乡财政所所长挪用资金。", ["杨柳乡"]),
    ("会议在桃源镇召开。", ["桃源镇"]),
]
NOT_NAMED_TOWNS = [
    "这个镇党委班子团结。",  # 这个/r: no name
    "今年乡政府办了实事。",  # 今年/t
    "两个乡镇党委作了发言。",
    "，贫困乡政府要加大投入。",  # a kind of township
    "，重点镇党委要带头。",
]
# fmt: on


@pytest.mark.parametrize(("text", "names"), FOREIGN + NOT_FOREIGN + FORMER_LEVEL + NOT_PLACES + NAMED_TOWNS)
def test_places_found_as_the_text_names_them(text: str, names: list[str], lexicons: Lexicons) -> None:
    assert places(text, lexicons) == names


@pytest.mark.parametrize("text", NOT_NAMED_TOWNS)
def test_a_kind_or_a_pronoun_before_a_town_s_body_is_no_town(text: str, lexicons: Lexicons) -> None:
    assert places(text, lexicons) == []


def test_foreign_places_are_marked_and_china_s_names_win(lexicons: Lexicons) -> None:
    assert {"巴拿马", "华盛顿", "俄勒冈州", "阿拉木图"} <= lexicons.place_foreign
    assert "北京" not in lexicons.place_foreign
    assert lexicons.place_full_names["俄勒冈"] == "俄勒冈州"
    assert "胡志明" not in lexicons.place_stems  # a foreign city's stem is a person's name
