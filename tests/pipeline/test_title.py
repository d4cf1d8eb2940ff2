"""The title and the document number: file-name line, upload name, page, first line."""

from __future__ import annotations

import pytest

from service.pipeline.filename import FileName, parse_file_name
from tests.pipeline.ingest_helpers import paragraphs, prepare

# fmt: off
FILE_NAMES = [
    ("225市场监管总局召开“不忘初心、牢记使命” 主题教育动员部署会.txt", FileName(225, "市场监管总局召开“不忘初心、牢记使命” 主题教育动员部署会")),
    ("306吉林省主题教育工作会议召开.docx", FileName(306, "吉林省主题教育工作会议召开")),
    ("180海关总署召开主题教育动员会.doc", FileName(180, "海关总署召开主题教育动员会")),
    ("12会议纪要.HTML", FileName(12, "会议纪要")),
    ("225_市场监管总局召开动员部署会.txt", FileName(225, "市场监管总局召开动员部署会")),
    (r"C:\docs\225市场监管总局召开会议.txt", FileName(225, "市场监管总局召开会议")),
    ("市场监管局发言材料.txt", FileName(None, "市场监管局发言材料")),
    # a title that starts with a year keeps it
    ("2022年全国市场监管工作会议召开.txt", FileName(None, "2022年全国市场监管工作会议召开")),
    ("3062022年全国市场监管工作会议召开.txt", FileName(306, "2022年全国市场监管工作会议召开")),
    ("71999年工作总结.txt", FileName(7, "1999年工作总结")),
    ("12345年.txt", FileName(None, "12345年")),
    ("22512月全国会议.txt", FileName(225, "12月全国会议")),
    ("2253月全国会议.txt", FileName(225, "3月全国会议")),
    # a unit that is also a surname opens a name: 周恒远, 余建国
    ("1572周恒远主持召开国务院常务会议.txt", FileName(1572, "周恒远主持召开国务院常务会议")),
    ("86余建国在南昌调研.txt", FileName(86, "余建国在南昌调研")),
    ("1572周恒远主持召开国务院常务会议", FileName(1572, "周恒远主持召开国务院常务会议")),
    ("70周年庆祝大会", None),
    ("30余人参加会议", None),
    # a word that opens with a unit is no quantity: 人民, 天津
    ("266人民银行召开工作会议.txt", FileName(266, "人民银行召开工作会议")),
    ("41天津市召开防汛会议.txt", FileName(41, "天津市召开防汛会议")),
    ("266人参加培训", None),
    # 人社 (人力资源和社会保障) opens a word too, with an extension or without
    ("512人社厅召开全省就业工作会议.txt", FileName(512, "人社厅召开全省就业工作会议")),
    ("88人社局开展根治欠薪专项行动", FileName(88, "人社局开展根治欠薪专项行动")),
    ("120人参加社保业务培训", None),
    # a number glued to a Latin letter is a name: 5G, 3D
    ("5G基站建设提速.txt", FileName(None, "5G基站建设提速")),
    ("3D打印产业大会召开", None),
    # no Chinese title: a number at most
    ("000_8a59500614cd4045.txt", FileName(0, None)),
    ("report.txt", FileName(None, None)),
    # a first line without an extension: only `<number><title>` is a file name
    ("306吉林省主题教育工作会议召开", FileName(306, "吉林省主题教育工作会议召开")),
    ("2022年全国市场监管工作会议召开", None),
    ("市场监管局在主题教育专题座谈会上的发言材料", None),
    ("6月6日，国家市场监督管理总局召开会议。", None),
    ("100余人参加会议", None),
    ("5名同志发言", None),
    ("1.17特大象牙走私案", None),
    ("225 市场监管总局召开会议", None),
    ("225" + "很长的标题" * 20, None),
    # a number of five digits or more, without an extension, is no file number: the 12345 hotline
    ("12345热线全年受理群众诉求", None),
    ("2024年全省经济运行总体平稳", None),
]
# fmt: on


@pytest.mark.parametrize(("name", "expected"), FILE_NAMES)
def test_file_names_are_read(name: str, expected: FileName | None) -> None:
    assert parse_file_name(name) == expected


def test_the_file_name_line_is_taken_out_of_the_text() -> None:
    article = prepare("225市场监管总局召开动员部署会.txt\n<div><span>　　6月6日，会议召开。</span></div>")
    assert article.text == "6月6日，会议召开。"
    assert article.source.name_line == "225市场监管总局召开动员部署会.txt"
    metadata = article.metadata
    assert (metadata.title, metadata.doc_number, metadata.title_source) == (
        "市场监管总局召开动员部署会",
        225,
        "name-line",
    )
    assert metadata.title_span is None


def test_a_year_title_in_the_name_line_keeps_its_year() -> None:
    metadata = prepare("2022年全国市场监管工作会议召开.txt\n会议强调，要深入学习。").metadata
    assert (metadata.title, metadata.doc_number) == ("2022年全国市场监管工作会议召开", None)


def test_plain_text_takes_its_first_line_as_the_title_and_keeps_it() -> None:
    article = prepare(
        "市场监管局在主题教育专题座谈会上的发言材料\n\n尊敬的**组长，各位领导，同志们：\n发言完毕，谢谢大家！"
    )
    metadata = article.metadata
    assert (metadata.title, metadata.doc_number, metadata.title_source) == (
        "市场监管局在主题教育专题座谈会上的发言材料",
        None,
        "first-line",
    )
    assert paragraphs(article)[0] == metadata.title
    assert metadata.title_span is not None
    assert article.text[metadata.title_span.start : metadata.title_span.end] == metadata.title


@pytest.mark.parametrize(
    "raw",
    [
        "6月6日，国家市场监督管理总局召开会议。\n会议强调，要深入学习。",  # a sentence is not a title
        "只有一段",  # nothing after it
        "很长" * 40 + "\n第二段",
    ],
)
def test_a_first_line_that_is_not_a_title_gives_none(raw: str) -> None:
    assert prepare(raw).metadata.title is None


def test_the_upload_name_serves_when_the_body_has_no_name_line() -> None:
    metadata = prepare("<p>会议强调，要深入学习。</p>", filename="225市场监管总局召开动员部署会.txt").metadata
    assert (metadata.title, metadata.doc_number, metadata.title_source) == (
        "市场监管总局召开动员部署会",
        225,
        "file-name",
    )


def test_a_hash_like_upload_name_is_ignored() -> None:
    metadata = prepare("市场监管局发言材料\n尊敬的**组长。", filename="002_98f761dda7938825.txt").metadata
    assert (metadata.title, metadata.doc_number) == ("市场监管局发言材料", None)


def test_the_name_line_wins_over_the_upload_name() -> None:
    metadata = prepare("180海关总署召开动员会.txt\n会议召开。", filename="225市场监管总局召开会议.txt").metadata
    assert (metadata.title, metadata.doc_number) == ("海关总署召开动员会", 180)


def test_a_page_title_loses_the_site_name_when_there_is_no_h1() -> None:
    metadata = prepare(
        "<html><head><title>吉林省主题教育工作会议召开_中国政府网</title></head><body><p>正文。</p></body></html>"
    ).metadata
    assert (metadata.title, metadata.title_source) == ("吉林省主题教育工作会议召开", "title-tag")


def test_a_page_without_h1_takes_its_first_long_h2_not_the_site_name() -> None:
    metadata = prepare(
        "<html><head><title>东湖学院新闻网</title></head><body><h2>综合新闻</h2>"
        "<h2 class='arti_title'>学校召开2023年本科教学工作会议</h2><p>12月5日，学校召开本科教学工作会议。</p>"
        "</body></html>"
    ).metadata
    assert (metadata.title, metadata.title_source) == ("学校召开2023年本科教学工作会议", "h1")


def test_the_seed_titles_and_numbers(seed: tuple[str, bytes, dict]) -> None:
    name, body, label = seed
    metadata = prepare(body, filename=name).metadata
    assert "".join((metadata.title or "").split()) == "".join(label["title"].split())
    assert metadata.doc_number == label["doc_number"]
