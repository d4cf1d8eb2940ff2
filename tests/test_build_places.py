"""tools/build_places.py: the short forms it derives from the national division list."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("build_places", ROOT / "tools" / "build_places.py")
assert _spec and _spec.loader
build_places = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_places)


@pytest.fixture(scope="module")
def dictionary() -> dict[str, tuple[int, str]]:
    return build_places.jieba_dictionary()


# fmt: off
SHORT_FORMS = [
    ("黔东南苗族侗族自治州", ["黔东南州", "黔东南"]),
    ("峨边彝族自治县", ["峨边县", "峨边"]),
    ("东乡族自治县", ["东乡县"]),  # a people's name alone is no place
    ("隆林各族自治县", ["隆林县", "隆林"]),
    ("宁夏回族自治区", ["宁夏"]),
    ("雷山县", ["雷山"]),
    ("凯里市", ["凯里"]),
    ("涪城区", ["涪城"]),
    ("锡林郭勒盟", ["锡林郭勒"]),
    ("阿克苏地区", ["阿克苏"]),
    ("井陉矿区", []),  # 井陉 is the county
    ("和县", []),  # one character left
    ("和平区", []), ("城关区", []), ("长安区", []), ("江南区", []), ("市中区", []),  # words
    ("兴国县", []), ("沿河土家族自治县", ["沿河县"]), ("宝山区", []),  # a word, a given name
]
# fmt: on


@pytest.mark.parametrize(("name", "forms"), SHORT_FORMS)
def test_short_forms(name: str, forms: list[str], dictionary: dict[str, tuple[int, str]]) -> None:
    assert build_places.short_forms(name, dictionary) == forms


def test_the_generated_list_says_where_it_comes_from() -> None:
    header = (ROOT / "service" / "data" / "places.txt").read_text(encoding="utf-8").splitlines()[0]
    assert "cpca 0.5.5" in header and "MIT" in header and "tools/build_places.py" in header
