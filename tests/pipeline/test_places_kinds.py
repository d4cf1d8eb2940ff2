"""A capital after 首都, which the segmenter joins to it (首都北京), is the place; a development
zone's kind alone after its city (广州开发区, 苏州高新区) is no district of the city. Each example
is made up."""

from __future__ import annotations

from service.lexicons import Lexicons
from tests.pipeline.conftest import places


def test_capital_after_shoudu(lexicons: Lexicons) -> None:
    assert "北京" in places("加强首都北京及周边地区治安防控。", lexicons)


def test_no_capital_in_other_words(lexicons: Lexicons) -> None:
    assert places("首都机场旅客增多。", lexicons) == []


def test_zone_kind_after_city_is_no_place(lexicons: Lexicons) -> None:
    found = places("福州开发区管委会主任出席。", lexicons)
    assert "开发区" not in found
    assert "福州高新区" not in found
