"""People: the rare surnames 钮 and 綦; a title whose last character the segmenter reads with the
name's surname as a place (县长|安… as 长安); Mongolian names of two parts (萨仁图雅) and the longer
ones a part opens (那仁满都拉), before 同志 or 等, and no 同志 name inside one of them."""

from __future__ import annotations

import pytest

from service.lexicons import Lexicons
from tests.pipeline.conftest import assert_no_people, assert_person

# fmt: off
FOUND = [
    # text, name, roles (exactly)
    ("会上，某地区管理局局长钮建平作了交流发言。", "钮建平", ("某地区管理局局长",)),
    ("某局党组成员、副局长綦文华与某省副省长签约。", "綦文华", ("某局党组成员", "副局长")),
    # 县长安… read 县|长安|…: the name after the title still opens at 安
    ("县委常委、常务副县长安明远，县委常委吕思诚等出席会议。", "安明远", ("县委常委", "常务副县长")),
    ("某镇党委委员、副镇长安红英、镇长助理王一出席。", "安红英", ("某镇党委委员", "副镇长")),
    # Mongolian names: two parts, and a part opening five or six characters before 同志, 等, 、
    ("某集团有限公司总经理斯琴高娃等企业负责人先后发言。", "斯琴高娃", ("某集团有限公司总经理",)),
    ("盟委副书记、盟长那顺满都拉同志作了部署。", "那顺满都拉", ("盟委副书记", "盟长")),
    ("旗委副书记宝音毕力格图同志传达了会议精神。", "宝音毕力格图", ("旗委副书记",)),
    ("副旗长哈斯额尔敦、旗长助理王一出席。", "哈斯额尔敦", ("副旗长",)),
]

NOT_PEOPLE = [
    # text, names that must not be found
    ("重庆市綦江区召开会议，钮扣产业园开园。", ["綦江", "钮扣"]),
    # a title that starts inside a place word, a place word of three characters
    ("湖北省长江流域，生态保护工作会议召开。", ["江流域", "江流"]),
    ("该市长安街，游人如织。", ["安街"]),
    # a name's part then what holds a body's or a sentence's character
    ("自治区副主席乌兰察布市调研。", ["乌兰察布市", "乌兰察布"]),
    # the end of a long name before 同志 is no name of its own
    ("盟委副书记、盟长那顺满都拉同志作了部署。", ["满都拉"]),
]
# fmt: on


@pytest.mark.parametrize(("text", "name", "roles"), FOUND)
def test_found(text: str, name: str, roles: tuple[str, ...], lexicons: Lexicons) -> None:
    assert_person(text, name, roles, lexicons)


@pytest.mark.parametrize(("text", "wrong"), NOT_PEOPLE)
def test_not_people(text: str, wrong: list[str], lexicons: Lexicons) -> None:
    assert_no_people(text, wrong, lexicons)
