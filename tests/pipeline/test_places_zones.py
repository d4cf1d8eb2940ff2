"""Places named by what the text builds on them: the place a development zone is named for
(`zone`: 临港经济开发区, 钱塘新区, 许东新区 beside 许昌市), a street named for a place and its road
or estate (`street`: 长沙新村街道)."""

from __future__ import annotations

import pytest

from service.lexicons import Lexicons
from tests.pipeline.conftest import places

# fmt: off
ZONES = [
    # the segmenter's word for a place before a zone's suffix; its other mentions as a word
    ("加快临港经济开发区建设，深化与临港合作。", ["临港"]),
    # a new area under its own name
    ("推进钱塘新区建设。", ["钱塘新区"]),
    # ... or named for its city's part: the city's first character and a direction
    ("许昌市要推进许东新区建设。", ["许昌市", "许东新区"]),
]
NOT_ZONES = [
    "推进许东新区建设。",  # no 许昌 in the text to name the part of
    "设立城市新区。",  # 城市/ns: a common word
    "打造开发新区。",
    "国家级新区要发挥引领作用。",
    "推进经济开发区建设。",
    "推进天津港保税区建设。",  # 天津港 opens with 天津: the gazetteer's place, not a zone's own
]
STREETS = [
    ("长沙新村街道开展志愿服务。", ["长沙新村街道"]),  # 长沙 only part of the street's name
]
NOT_STREETS = [
    ("上海街道干净整洁。", ["上海"]),  # the city's streets
    ("北京城区街道整治。", ["北京"]),
    ("上海全市街道完成换届。", ["上海"]),
    ("深圳新区街道开展巡查。", ["深圳"]),
]
# fmt: on


@pytest.mark.parametrize(("text", "names"), ZONES)
def test_a_zone_names_its_place(text: str, names: list[str], lexicons: Lexicons) -> None:
    assert places(text, lexicons) == names


@pytest.mark.parametrize("text", NOT_ZONES)
def test_a_common_word_before_a_zone_s_suffix_is_no_place(text: str, lexicons: Lexicons) -> None:
    assert places(text, lexicons) == []


@pytest.mark.parametrize(("text", "names"), STREETS + NOT_STREETS)
def test_a_street_named_for_a_place_is_the_place(text: str, names: list[str], lexicons: Lexicons) -> None:
    assert places(text, lexicons) == names
