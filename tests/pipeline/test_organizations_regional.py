"""Bodies named as their own region's texts and the central bodies' lists write them: a prefecture's,
league's or banner's Party committee bare (地委, 盟委, 旗委, 行署, 自治区党委), the civil aviation
administration's regional bodies (民航华北地区管理局, 民航四川监管局), a group company with （集团）
in its registered name, a ministry's departments listed with no 司长 after them, an exchange after
its place, and international bodies by their Chinese names. Each example is made up; each
must-not shows what a rule leaves alone."""

from __future__ import annotations

import pytest

from tests.pipeline.conftest import organization_names

# fmt: off
FOUND = [
    ("地委书记李明主持召开地委委员会议，传达学习自治区党委全会精神。", ["地委", "自治区党委"]),
    ("盟委、行署将对各旗县进行考核。", ["盟委", "行署"]),
    ("旗委副书记张华主持会议。", ["旗委"]),
    ("会上，民航华北地区管理局局长发言。", ["民航华北地区管理局"]),
    ("民航四川监管局要加强监管。", ["民航四川监管局"]),
    ("民航西藏管理局负责同志参加会议。", ["民航西藏管理局"]),
    ("支持江河能源（集团）有限公司等企业发展。", ["江河能源（集团）有限公司"]),
    ("，天津远航物流（集团）股份有限公司董事长发言。", ["天津远航物流（集团）股份有限公司"]),
    ("部办公厅、政策法规司、市场秩序司有关负责同志出席。", ["政策法规司", "市场秩序司"]),
    ("考察了深圳数据交易所。", ["深圳数据交易所"]),
    ("近日欧盟宣布新的关税措施。", ["欧盟"]),
    ("联合国秘书长发表声明。", ["联合国"]),
    ("东盟与中方加强合作。", ["东盟"]),
]

NOT_FOUND = [
    ("各地委员会要抓好落实。", "地委"),
    ("当地委托第三方机构评估。", "地委"),
    ("执行署名制度。", "行署"),
    ("民航各地区管理局、各监管局设分会场。", "民航各地区管理局"),
    ("华信公司、长江公司负责人参加。", "华信公司"),
    ("各交易所要加强风险防控。", "交易所"),
    ("要联合国际力量共同应对。", "联合国"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_found(text: str, expected: list[str]) -> None:
    names = organization_names(text)
    for name in expected:
        assert name in names, (text, names)


@pytest.mark.parametrize(("text", "wrong"), NOT_FOUND)
def test_not_found(text: str, wrong: str) -> None:
    assert wrong not in organization_names(text)
