from __future__ import annotations

from dataclasses import replace

import pytest

from service.pipeline import process
from service.pipeline.article import Upload
from service.pipeline.doctype import document_type
from service.pipeline.reference_numbers import find_reference_numbers
from tests.pipeline.conftest import snippet

# fmt: off
KINDS = [
    # title, text, kind
    ("市场监管局在主题教育专题座谈会上的发言材料", "尊敬的**组长，各位领导，同志们：\n发言完毕，谢谢大家！", "speech"),
    ("在全省经济工作会议上的讲话", "同志们：\n这次会议的主要任务是……", "speech"),
    (None, "各位代表，同志们：\n现在我代表省人民政府作报告。\n谢谢大家！", "speech"),
    ("习近平在中央经济工作会议上发表重要讲话", "中央经济工作会议12月10日至12日在北京举行。", "news"),
    ("国务院办公厅关于做好2020年春节假期工作的通知", "各省、自治区、直辖市人民政府：\n特此通知。", "notice"),
    ("国家药品监督管理局公告", "现将有关事项公告如下。", "announcement"),
    ("中共中央国务院关于深化改革的意见", "为进一步……提出如下意见。", "opinion"),
    ("工业和信息化部召开主题教育动员部署会", "2019年6月6日，工业和信息化部召开会议。", "news"),
    # a public notice (公示), by its title or its closing
    ("某县拟提拔干部任前公示", "公示时间：5个工作日。\n中共某县委组织部\n2022年3月1日", "notice"),
    (None, "现将拟表彰对象予以公示，如有异议请来电反映。\n特此公示。", "notice"),
    ("村务公示栏焕然一新", "近日，某村的村务公示栏更新了内容。", "news"),
    # a circular (通报), by its title or its closing; a report about one is news
    ("关于某县防汛值守抽查情况的通报", "各乡镇、县直各单位：\n现将抽查情况通报如下。", "notice"),
    (None, "对以上单位予以通报批评。\n特此通报。", "notice"),
    ("省纪委监委通报3起违反中央八项规定精神典型问题", "近日，省纪委监委通报3起典型问题。", "news"),
]
REFERENCES = [
    ("根据国发〔2019〕12号文件精神", ["国发〔2019〕12号"]),
    ("按照国办发[2020]5号和吉政办发〔2019〕23号要求", ["国办发[2020]5号", "吉政办发〔2019〕23号"]),
    ("京政发（2021）1号", ["京政发（2021）1号"]),
    ("侦破“1.17”特大象牙走私案，12号楼", []),
]
# fmt: on


@pytest.mark.parametrize(("title", "text", "kind"), KINDS)
def test_document_type(title: str | None, text: str, kind: str) -> None:
    article = snippet(text)
    article = replace(article, metadata=replace(article.metadata, title=title))
    found, rule = document_type(article)
    assert found == kind, rule


@pytest.mark.parametrize(("text", "numbers"), REFERENCES)
def test_reference_numbers(text: str, numbers: list[str]) -> None:
    found = find_reference_numbers(text)
    assert [r.text for r in found] == numbers
    assert all(text[r.start : r.end] == r.text for r in found)


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("在集團公司年度工作會議上的講話\n同志們：\n今年的任務很重。\n謝謝大家！", "speech"),
        ("關於做好春節期間安全生產工作的通知\n各單位：\n現將有關事項通知如下。", "notice"),
        ("集團公司召開年度工作會議\n1月15日，集團公司召開年度工作會議。", "news"),
    ],
)
def test_a_traditional_text_is_read_in_its_simplified_copy(raw: str, kind: str) -> None:
    article = process(Upload(raw.encode("utf-8")))
    assert article.simplified is not article.text  # the text is Traditional
    assert article.metadata.document_type == kind
