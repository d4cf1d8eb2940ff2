"""General rules for bodies named the ways speeches, signing reports, briefings and SAR news write
them: a 和 that joins a meeting to a body, a company named after a conjunction or a verb (and never
opening with 这次 or 今年), a company by its trade name (长江物流公司), a bank's or a central
enterprise's branch in a place, a university after the verb of its ceremony, an international body
by its field, a foreign state's coast guard, the central government's liaison office in a SAR and a
SAR association (联会). Each example is made up; each must-not shows what a rule leaves alone."""

from __future__ import annotations

import pytest

from service.pipeline import process
from service.pipeline.article import Options, Upload
from tests.pipeline.conftest import organization_names

# fmt: off
FOUND = [
    # a company after 与 or 和 (a party to a signing), after the verb that visits it
    ("会上，副县长与红柳新材料科技集团有限公司董事长签约。", ["红柳新材料科技集团有限公司"]),
    ("会上，县长与蓝湾数字产业发展股份有限公司签订协议。", ["蓝湾数字产业发展股份有限公司"]),
    ("他们调研了星河电子科技有限责任公司。", ["星河电子科技有限责任公司"]),
    # a demonstrative or a time word opens the clause, not the company's name
    ("这次青峰环保集团有限公司年度会议很重要。", ["青峰环保集团有限公司"]),
    ("今年北辰物流有限公司营收增长。", ["北辰物流有限公司"]),
    # a company by its trade name and its trade
    ("公司所属黄河航运公司承担运输任务。", ["黄河航运公司"]),
    ("昆仑能源公司和天山物流公司签约。", ["昆仑能源公司", "天山物流公司"]),
    # a bank's or a central enterprise's branch in a place, under its short form
    ("工行宁远市分行、农发行宁远县支行参加。", ["工行宁远市分行", "农发行宁远县支行"]),
    ("中储粮宁远直属库负责人发言。", ["中储粮宁远直属库"]),
    ("国开行、进出口银行给予支持。", ["国开行", "进出口银行"]),
    # a university after the verb of its ceremony
    ("学校隆重举行青川理工大学建校六十周年庆典。", ["青川理工大学"]),
    # an international body by its field
    ("他会见了国际航运协会秘书长和世界园艺联盟主席。", ["国际航运协会", "世界园艺联盟"]),
    ("世界卫生组织发布报告。", ["世界卫生组织"]),
    # a foreign state's coast guard, and the central bodies listed by name
    ("据报道，马来西亚海岸警卫队称，中国海警依法执法。", ["马来西亚海岸警卫队", "中国海警"]),
    ("中国作协、全国工商联、国家档案局派员参加。", ["中国作协", "全国工商联", "国家档案局"]),
    # the liaison office in a SAR by its full name; a SAR association
    ("中央人民政府驻澳门特别行政区联络办公室负责人出席。", ["中央人民政府驻澳门特别行政区联络办公室"]),
    ("澳门青年联会主席致辞。", ["澳门青年联会"]),
    ("香港各界人士出席，中联办负责人致辞。", ["中联办"]),
    # 和 inside a bureau's name still joins its two fields
    ("会议听取了市交通运输和口岸管理局的汇报。", ["市交通运输和口岸管理局"]),
]
NOT_FOUND = [
    # a 和 joining a meeting or an event to a body, or to a known body
    ("要贯彻中央农村工作会议和国资委部署。", ["国资委"]),
    ("传达省经济工作会议和发改委精神。", ["发改委"]),
    ("落实全国两会精神和国资委要求。", ["国资委"]),
    # a kind of company, no trade name; a place's companies are the prefix rules'
    ("一批新兴科技公司落户园区。", []),
    ("该公司和本公司都参加。", []),
    ("董事长充分肯定集团公司取得的成绩。", []),
    # a two-character bank's short form inside another word
    ("施工行业和外交行为规范。", []),
    # 国际 and 世界 before a goal, a member, a verb: no body
    ("建设国际消费中心城市和世界一流大学。", []),
    ("他是协会会员，参与国际组织。", []),
    ("加强国际合作组织实施重大项目。", []),
    # a verb's 署 is no body's
    ("两市在兰州签署协议。", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "wanted"), FOUND)
def test_a_body_is_one_name(text: str, wanted: list[str]) -> None:
    assert organization_names(text) == wanted


@pytest.mark.parametrize(("text", "wanted"), NOT_FOUND)
def test_what_only_looks_like_a_body_is_left_alone(text: str, wanted: list[str]) -> None:
    assert organization_names(text) == wanted


def test_a_company_after_a_time_word_in_traditional_script() -> None:
    # the whole pipeline: the stage reads the Simplified copy and names bodies as the text writes them
    text = "同志們：這次青峰環保集團有限公司年度會議，是集團公司黨委決定召開的。"
    article = process(Upload(text.encode("utf-8"), filename="speech.txt"), Options())
    assert [entity.name for entity in article.metadata.organizations] == ["青峰環保集團有限公司"]
