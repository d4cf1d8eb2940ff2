"""Cleaning: formats, block structure, layout whitespace, placeholders, redactions, script."""

from __future__ import annotations

import re
import time

import pytest

from service.errors import EmptyDocument
from service.pipeline import html
from service.pipeline.article import Article, Options, Upload
from service.pipeline.cleaning import clean
from service.pipeline.html import extract_blocks
from tests.pipeline.ingest_helpers import paragraphs, prepare

STAR_RUN = re.compile(r"[*＊]+(?:[.．][*＊]+)*")  # the scorer's reading of a redaction example

# fmt: off
FORMATS = [
    ("会议强调，要深入学习。\n会议指出，要提高站位。", "plain"),
    ("第一段\n\n第二段 a<b 而 c>d", "plain"),                          # comparison signs are not tags
    ("<div><span>会议强调</span></div>", "html-fragment"),
    ("<p>会议强调</p>", "html-fragment"),
    ("会议强调<br>会议指出", "html-fragment"),
    ("<!DOCTYPE html><title>标题</title><p>会议强调</p>", "html-document"),
    ("<html><head><title>标题</title></head><body><p>会议强调</p></body></html>", "html-document"),
]
# fmt: on


@pytest.mark.parametrize(("raw", "fmt"), FORMATS)
def test_the_format_is_recognised(raw: str, fmt: str) -> None:
    assert prepare(raw).source.format == fmt


# fmt: off
PARAGRAPHS = [
    # block tags split paragraphs ...
    ("<div>第一段</div><div>第二段</div>", ["第一段", "第二段"]),
    ("<p>第一段<p>第二段", ["第一段", "第二段"]),
    ("第一段<br>第二段<br/>第三段", ["第一段", "第二段", "第三段"]),
    ("<ul><li>一是学</li><li>二是做</li></ul>", ["一是学", "二是做"]),
    ("<h1>标题</h1><h2>小标题</h2><p>正文</p>", ["标题", "小标题", "正文"]),
    ("<table><tr><td>姓名</td><td>职务</td></tr><tr><td>张三</td><td>局长</td></tr></table>", ["姓名 职务", "张三 局长"]),
    # ... inline tags do not
    ("<p>习近平<span>总书记</span><a href='#'>重要</a><b>讲话</b><font color=red>精神</font></p>", ["习近平总书记重要讲话精神"]),
    ("<div><span style='font-size:16px'>会议</span><strong>强调</strong></div>", ["会议强调"]),
    # empty blocks vanish, &nbsp; runs and full-width indentation go
    ("<div>会议</div><div>&nbsp;</div><div> </div><div>&nbsp;&nbsp;</div><div>强调</div>", ["会议", "强调"]),
    ("<div><span> 　　6月6日，会议召开。 </span></div>", ["6月6日，会议召开。"]),
    ("<p>&nbsp;&nbsp;&nbsp;&nbsp;会议召开。&nbsp;</p>", ["会议召开。"]),
    # scripts, styles and comments are dropped; entities unescaped
    ("<p>会议<script>var a = '<p>x</p>';</script>召开</p><style>p {color: red}</style>", ["会议召开"]),
    ("<p>会议<!-- 编辑：张三 -->召开</p>", ["会议召开"]),
    ("<p>&ldquo;两个维护&rdquo;&amp;&lt;条例&gt;&#x4e2d;&#22269;</p>", ["“两个维护”&<条例>中国"]),
    # layout whitespace: a line break between CJK goes, between Latin words it is one space
    ("<p>会议强调，要\n    深入学习</p>", ["会议强调，要深入学习"]),
    ("<p>Hello\n   World 中国</p>", ["Hello World 中国"]),
    ("<p>使用 Python 语言</p>", ["使用 Python 语言"]),
    ("<p>会议\u200b强调\ufeff，\u200d要学习</p>", ["会议强调，要学习"]),
    # characters are kept as written: full-width digits, punctuation, Latin
    ("<p>２０１９年６月６日，ＡＢＣ（试行）</p>", ["２０１９年６月６日，ＡＢＣ（试行）"]),
    # plain text: lines are paragraphs, blank lines vanish
    ("第一段\n\n\n　　第二段\r\n第三段\r第四段", ["第一段", "第二段", "第三段", "第四段"]),
    ("　　会议强调，  要深入学习。   \n", ["会议强调， 要深入学习。"]),
    ("Hello  World\n中国", ["Hello World", "中国"]),
    ("会议&nbsp;召开\n第二段", ["会议 召开", "第二段"]),
    # lines of text outside the tags of a fragment are plain-text lines
    ("第一段\n第二段\n<p>第三段\n接续</p>", ["第一段", "第二段", "第三段接续"]),
    # a <pre> shows its line breaks, as a browser does: each line is a paragraph, even with tags inside
    ("<div>甲段。</div><pre>一行。\n<b>二</b>行。\n\n三行。</pre><div>乙段。</div>", ["甲段。", "一行。", "二行。", "三行。", "乙段。"]),
    ("<pre>一\n二</pre><p>丙\n丁</p><xmp>戊\n己</xmp>", ["一", "二", "丙丁", "戊", "己"]),
    # a drawn line of dashes is not a paragraph
    ("第一段\n------------------\n第二段", ["第一段", "第二段"]),
]
# fmt: on


@pytest.mark.parametrize(("raw", "expected"), PARAGRAPHS)
def test_paragraphs_follow_the_block_structure(raw: str, expected: list[str]) -> None:
    article = prepare(raw)
    assert paragraphs(article) == expected
    assert article.text == "\n".join(expected)


def test_a_page_keeps_its_main_content_and_drops_the_boilerplate() -> None:
    page = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>会议召开 - 新华网</title>
    <style>.x{}</style><script>track()</script></head><body>
    <header><a href="/">首页</a><a href="/news">新闻</a></header>
    <nav><ul><li><a href="/">首页</a></li><li><a href="/a">时政</a></li></ul></nav>
    <div class="breadcrumb">首页 &gt; 时政</div>
    <div class="main"><h1>吉林省主题教育工作会议召开</h1>
    <div id="content" class="TRS_Editor"><p>　　6月3日下午，吉林省主题教育工作会议在长春召开。会议深入学习贯彻习近平新时代中国特色社会主义思想。</p>
    <p>　　会议强调，要把思想和行动统一到习近平总书记重要讲话精神上来。</p></div>
    <div class="share">分享到：微信 微博</div></div>
    <aside>热点新闻<a href="/1">某某新闻</a></aside>
    <footer>版权所有 © 新华网 京ICP备12345号</footer></body></html>"""
    article = prepare(page)
    assert article.source.format == "html-document"
    assert paragraphs(article) == [
        "6月3日下午，吉林省主题教育工作会议在长春召开。会议深入学习贯彻习近平新时代中国特色社会主义思想。",
        "会议强调，要把思想和行动统一到习近平总书记重要讲话精神上来。",
    ]
    assert article.source.page_title == "会议召开 - 新华网"
    assert article.metadata.title == "吉林省主题教育工作会议召开"


# fmt: off
PAGE_INFO_LINES = [
    # a page's bookkeeping lines inside its article container: dropped; the article's sentences stay
    "2020-09-08 19:42　来源： 自然资源部网站",
    "发布时间：2023-06-15 10:30　来源：投资处　作者：李静　浏览次数：1268",
    "责任编辑：王洋",
    "来源：新华社　编辑：张三",
]
# fmt: on


@pytest.mark.parametrize("line", PAGE_INFO_LINES)
def test_a_page_drops_its_source_date_and_editor_lines(line: str) -> None:
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>会议召开</title></head><body>
    <div class="main-content"><h2>全省重点项目建设推进会召开</h2><div class="info">{line}</div>
    <div class="article-content"><p>　　6月14日，省发展改革委在长沙召开全省重点项目建设推进会。会议通报了重点项目建设情况。</p>
    <p>　　会议强调，各地要强化要素保障，确保重点项目建设跑出加速度。来源：各市州报送材料。</p></div>
    <div class="editor">{line}</div></div></body></html>"""
    text = "\n".join(paragraphs(prepare(page)))
    assert line.split("：")[0].strip()[:4] not in text.replace("来源：各市州", "")
    assert "6月14日，省发展改革委在长沙召开全省重点项目建设推进会。" in text
    assert "来源：各市州报送材料。" in text  # a sentence of the article that names a source stays


ARTICLE = (
    "<p>　　9月1日上午，某某大学新生开学典礼在体育馆举行。校长致辞，希望同学们志存高远。</p>"
    "<p>　　典礼在校歌声中结束。</p>"
)


@pytest.mark.parametrize(
    "wrapped",
    [
        # a CMS's news form around the article (VSB's), and ASP.NET's one form around the whole body
        f'<div class="nav"><a href="/">首页</a></div><form name="_newscontent_fromname"><div class="v_news_content">{ARTICLE}</div></form>',
        f'<form id="form1"><div class="menu"><a href="/">首页</a></div><div id="content">{ARTICLE}</div></form>',
    ],
)
def test_a_page_whose_article_sits_in_a_form_keeps_it(wrapped: str) -> None:
    article = prepare(f"<!DOCTYPE html><html><head><title>开学典礼</title></head><body>{wrapped}</body></html>")
    assert paragraphs(article) == [
        "9月1日上午，某某大学新生开学典礼在体育馆举行。校长致辞，希望同学们志存高远。",
        "典礼在校歌声中结束。",
    ]


def test_a_search_form_s_controls_leave_no_text() -> None:
    page = f"""<!DOCTYPE html><html><head><title>开学典礼</title></head><body>
    <form action="/s"><input name="q" value="请输入关键字"><button>搜索</button><textarea>留言内容</textarea>
    <select><option>站群导航</option></select></form><div class="article">{ARTICLE}</div></body></html>"""
    text = prepare(page).text
    assert "搜索" not in text and "留言内容" not in text and "站群导航" not in text


def test_a_page_without_a_content_container_keeps_its_body() -> None:
    article = prepare("<html><body><p>第一段。</p><div>第二段。</div></body></html>")
    assert paragraphs(article) == ["第一段。", "第二段。"]


# fmt: off
PLACEHOLDERS = [
    # (raw, paragraphs, [(offset, paragraph index)])
    ("第一段\n----------------------------------------\n-------------------这里有图片------------\n----------------------------------------\n第二段",
     ["第一段", "第二段"], [(4, 1)]),
    ("---------------------------------------- \n-------------------这里有图片------------ \n---------------------------------------- \n<div><span>正文</span></div>",
     ["正文"], [(0, 0)]),
    ("<p>第一段</p><p>----这里有图片----</p><p>第二段</p>", ["第一段", "第二段"], [(4, 1)]),
    ("<p>第一段</p><p><img src='a.jpg'></p><p>第二段</p><img src=b.png>", ["第一段", "第二段"], [(4, 1), (7, 2)]),
    ("<p>会议现场[图片]会议强调</p>", ["会议现场会议强调"], [(4, 0)]),
    ("第一段\n【图片】\n第二段 [image] 结束", ["第一段", "第二段结束"], [(4, 1), (7, 1)]),
    ("第一段\n------\n第二段", ["第一段", "第二段"], []),           # a rule, not an image
    ("图片来源：新华社\n［图片说明］", ["图片来源：新华社", "［图片说明］"], []),  # words about images stay
]
# fmt: on


@pytest.mark.parametrize(("raw", "expected", "positions"), PLACEHOLDERS)
def test_image_placeholders_are_removed_counted_and_placed(
    raw: str, expected: list[str], positions: list[tuple[int, int]]
) -> None:
    article = prepare(raw)
    assert paragraphs(article) == expected
    assert [(image.offset, image.paragraph) for image in article.metadata.image_placeholders] == positions


# fmt: off
REDACTIONS = [
    ("尊敬的**组长，各位领导", ["**"]),
    ("投入***万元，惠及*.*万户、**.**万户", ["***", "*.*", "**.**"]),
    ("截至*月末，美丽新**", ["*", "**"]),
    ("全角＊＊组长和＊．＊万户", ["＊＊", "＊．＊"]),
    ("* 第一项\n* 第二项 共**项", ["**"]),         # bullets are not redactions
    ("没有遮盖的文字", []),
]
# fmt: on


@pytest.mark.parametrize(("raw", "marks"), REDACTIONS)
def test_redactions_are_kept_and_reported_where_they_stand(raw: str, marks: list[str]) -> None:
    article = prepare(raw)
    found = article.metadata.redactions
    assert [mark.text for mark in found] == marks
    for mark in found:
        assert article.text[mark.start : mark.end] == mark.text
        assert mark.text in mark.context
    assert "".join(paragraphs(article)).count("*") + "".join(paragraphs(article)).count("＊") == raw.count(
        "*"
    ) + raw.count("＊")


# fmt: off
SCRIPTS = [
    ("會議強調，要深入學習習近平總書記重要講話精神。", "zh-Hant", "会议强调，要深入学习习近平总书记重要讲话精神。"),
    ("<p>臺灣經濟發展</p><p>乾隆年間</p>", "zh-Hant", "台湾经济发展\n乾隆年间"),
    ("会议强调，要深入学习习近平总书记重要讲话精神。", "zh-Hans", "会议强调，要深入学习习近平总书记重要讲话精神。"),
    ("乾隆年间的著作", "zh-Hans", "乾隆年间的著作"),
]
# fmt: on


@pytest.mark.parametrize(("raw", "language", "simplified"), SCRIPTS)
def test_traditional_text_stays_and_gets_a_simplified_copy_of_the_same_length(
    raw: str, language: str, simplified: str
) -> None:
    article = prepare(raw)
    assert article.source.language == language
    assert article.analysis_text == simplified
    assert len(article.analysis_text) == len(article.text)
    assert ("會" in raw) <= ("會" in article.text)  # the text itself is not converted


@pytest.mark.parametrize("raw", ["", "<div>&nbsp;</div><p> </p>", "<script>x()</script>", "\u200b\u3000\n"])
def test_a_document_with_no_text_is_refused(raw: str) -> None:
    with pytest.raises(EmptyDocument):
        clean(Article(upload=Upload(b"x"), raw_text=raw), Options())


def test_the_seeds_meet_their_labels(seed: tuple[str, bytes, dict]) -> None:
    name, body, label = seed
    article = prepare(body, filename=name)
    assert article.source.format == label["format"]
    for piece in label["text_must_contain"]:
        assert piece in article.text
    for piece in label["text_must_not_contain"]:
        assert piece not in article.text
    assert len(article.metadata.image_placeholders) == label["image_placeholders"]
    marks = [mark.text for mark in article.metadata.redactions]
    if "redactions" in label:
        assert len(marks) == label["redactions"]
    assert len(marks) >= label.get("redactions_at_least", 0)
    for example in label.get("redaction_examples", []):
        assert example in article.text
        assert STAR_RUN.search(example).group() in marks  # type: ignore[union-attr]
    assert article.text == "\n".join(paragraphs(article))
    assert "\n\n" not in article.text and article.text == article.text.strip()


# fmt: off
HOSTILE = [
    ("1 MB of plain paragraphs", "会议强调，要深入学习。\n" * 90_000),
    ("1 MB of one paragraph", "<p>" + "中国经济" * 250_000 + "</p>"),
    ("10,000 nested divs with text between", "<div>甲" * 10_000 + "深处" + "</div>乙" * 10_000),
    ("a 2 MB attribute", '<div title="' + "x" * 2_000_000 + '">正文</div>'),
    ("20,000 unclosed <a", "<p>正文</p>" + "<a " * 20_000),
    ("1 MB of dashes", "正文\n" + "-" * 1_000_000 + "\n正文"),
    ("100,000 redaction marks", "<p>" + "**组长，" * 100_000 + "</p>"),
]
# fmt: on


@pytest.mark.parametrize(("what", "raw"), HOSTILE, ids=[row[0] for row in HOSTILE])
def test_hostile_inputs_do_not_hang_cleaning(what: str, raw: str) -> None:
    # A guard against the known stalls (html.parser took 30-90 s on such input, bs4's tree 2.2 s
    # on deep nesting), not a speed test: each takes milliseconds; speed is measured in bench/.
    started = time.perf_counter()
    article = clean(Article(upload=Upload(b"x"), raw_text=raw), Options())
    elapsed = time.perf_counter() - started
    assert article.text
    assert elapsed < 5.0, f"{what}: {elapsed:.2f} s"


def test_text_at_any_depth_survives() -> None:
    article = clean(Article(upload=Upload(b"x"), raw_text="<div>甲" * 10_000 + "深处" + "</div>乙" * 10_000), Options())
    assert article.text.count("甲") == 10_000 and article.text.count("乙") == 10_000 and "深处" in article.text


def test_a_page_s_tool_strip_is_no_content() -> None:
    from service.pipeline import process
    from service.pipeline.article import Upload

    page = (
        "<!DOCTYPE html><html><head><title>标题</title></head><body><div class='article'><h1>标题</h1>"
        "<div>2020-09-08 来源：自然资源部网站 <span class='font'>【字体：大 中 小】</span></div>"
        "<div id='content'><p>9月8日，自然资源部召开耕地保护督察工作视频会议，部署下一阶段工作。</p></div>"
        "<div>【我要纠错】【打印】【关闭窗口】</div></div></body></html>"
    )
    text = process(Upload(page.encode(), filename="x.html")).text
    assert "字体" not in text and "纠错" not in text and "打印" not in text and "召开耕地保护" in text


def test_the_reused_parser_keeps_nothing_of_the_page_before(monkeypatch: pytest.MonkeyPatch) -> None:
    first = extract_blocks(
        '<html><head><meta charset="gbk"><title>第一页</title></head><body><h1>标题</h1><p>甲</p>', document=True
    )
    second = extract_blocks("<p>乙</p>", document=False)
    assert (first.blocks, first.title, first.headline) == (["标题", "甲"], "第一页", "标题")
    assert (second.blocks, second.title, second.headline) == (["乙"], None, None)

    def fail(self: object, data: str) -> None:
        raise RuntimeError("stopped half-way")

    vars(html._per_thread).pop("parser", None)  # the next parser is made while the collector fails
    with monkeypatch.context() as patch:
        patch.setattr(html._Collector, "data", fail)
        with pytest.raises(RuntimeError):
            extract_blocks("<p>丙</p>", document=False)
    assert extract_blocks("<div>丁<br>戊</div>", document=False).blocks == ["丁", "戊"]


# A 2000s CMS page laid out in tables, its cells named in pinyin initials (nr = 内容, bt = 标题, sj = 时间):
# no content-named container, so the cell whose text reads as prose is the article.
TABLE_PAGE = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html><head><title>某县召开春耕生产工作会议--某县农业局</title></head>
<body><table><tr><td class="dh"><a href="/">首页</a> | <a href="/l?id=1">机构概况</a> | <a href="/l?id=2">农业要闻</a></td></tr></table>
<table><tr><td width="180"><table><tr><td><b>栏目导航</b></td></tr><tr><td>·<a href="/l?id=3">通知公告</a></td></tr></table></td>
<td><table><tr><td class="wz">当前位置：<a href="/">首页</a> &gt;&gt; 农业要闻 &gt;&gt; 正文</td></tr></table>
<table><tr><td class="bt">某县召开春耕生产工作会议</td></tr>
<tr><td class="sj">发布时间：2012-3-5 10:20:11　来源：县农业局　点击数：</td></tr>
<tr><td class="nr">　　3月5日，全县春耕生产工作会议在县农业局三楼会议室召开。副县长王某某出席并讲话。<br><br>{middle}
　　会议要求，各乡镇要抓好种子、化肥等农资供应，确保春耕生产顺利进行。</td></tr>
<tr><td class="sj">【<a href="javascript:window.print()">打印此页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr></table>
<table><tr><td>上一篇：<a href="/s?id=9">县农业局开展科技下乡活动</a></td></tr><tr><td>下一篇：<a href="/s?id=11">全县完成小麦播种</a></td></tr></table>
</td></tr></table>
<table><tr><td>版权所有：某县农业局　地址：某县人民路1号　邮编：100000<br>联系电话：0000-1234567　某ICP备00000000号　建议使用1024×768分辨率浏览</td></tr></table>
</body></html>"""
TABLE_ARTICLE = [
    "3月5日，全县春耕生产工作会议在县农业局三楼会议室召开。副县长王某某出席并讲话。",
    "会议要求，各乡镇要抓好种子、化肥等农资供应，确保春耕生产顺利进行。",
]


def test_a_table_layout_page_keeps_the_cell_that_reads_as_prose() -> None:
    assert paragraphs(prepare(TABLE_PAGE.format(middle=""))) == TABLE_ARTICLE


def test_a_table_layout_article_split_around_a_picture_stays_whole() -> None:
    # the article's cell is two rows of one table around a photo row: their table is the article
    page = TABLE_PAGE.format(middle="</td></tr><tr><td align=center><img src='a.jpg'><br>会议现场</td></tr><tr><td>")
    text = prepare(page).text
    assert TABLE_ARTICLE[0] in text and TABLE_ARTICLE[1] in text
    assert "当前位置" not in text and "版权所有" not in text and "栏目导航" not in text


def test_a_page_of_short_lines_only_keeps_its_body() -> None:
    # a directory page: no block reads as prose, so none is chosen over the others
    page = "<html><body><table><tr><td>通知公告</td></tr><tr><td>政策文件</td></tr></table><div>办事指南</div></body></html>"
    assert paragraphs(prepare(page)) == ["通知公告", "政策文件", "办事指南"]


# fmt: off
PAGE_FURNITURE = [
    "当前位置：首页 > 新闻中心 > 部门动态",
    "您现在的位置: 首页 >> 正文",
    "上一篇：全市召开安全生产工作会议",
    "下一条：市领导调研乡村振兴工作",
    "版权所有：某市人民政府办公室　地址：某市人民路1号",
    "Copyright © 2012 某市水务局 All Rights Reserved",
    "主办：某市人民政府　京ICP备12345678号-1",
    "某公网安备 11010502000001号　网站标识码：1100000001",
    "【我要纠错】 责任编辑：王洋",  # a tool strip's button before the editor's line
]
# fmt: on


@pytest.mark.parametrize("line", PAGE_FURNITURE)
def test_a_page_drops_its_breadcrumb_neighbour_links_and_copyright_lines(line: str) -> None:
    # inside the article's own container, where the choice of content cannot drop them
    page = f"""<!DOCTYPE html><html><head><title>会议召开</title></head><body><div class="article-content">
    <p>　　5月8日，某市召开防汛工作会议。会议强调，要压实防汛责任。</p><p>{line}</p>
    <p>联系电话：0000-1234567</p><p>本报告版权所有归某研究院，转载请注明出处。</p></div></body></html>"""
    assert paragraphs(prepare(page)) == [
        "5月8日，某市召开防汛工作会议。会议强调，要压实防汛责任。",
        "联系电话：0000-1234567",  # a notice's contact line is the article's
        "本报告版权所有归某研究院，转载请注明出处。",  # a sentence that names the copyright stays
    ]


# fmt: off
PAGE_NUMBERS = [
    "— 3 —", "- 12 -", "－3－", "—— 7 ——", "·5·",
    "第3页", "第 3 页 共 12 页", "共12页 第3页", "3/12", "3 / 12", "Page 2 of 5",
]
NOT_PAGE_NUMBERS = [
    "3", "12/3", "— 2019年 —", "第3页内容如下。", "详见第3页。", "-3℃", "一、总体要求",
]
# fmt: on


@pytest.mark.parametrize("line", PAGE_NUMBERS)
@pytest.mark.parametrize("fmt", ["plain", "html"])
def test_a_page_number_alone_on_its_line_is_no_text(line: str, fmt: str) -> None:
    lines = ["会议强调，要深入学习。", line, "会议指出，要提高站位。"]
    raw = "\n".join(lines) if fmt == "plain" else "".join(f"<p>{line}</p>" for line in lines)
    assert paragraphs(prepare(raw)) == [lines[0], lines[2]]


@pytest.mark.parametrize("line", NOT_PAGE_NUMBERS)
def test_a_line_that_only_holds_a_number_is_kept(line: str) -> None:
    lines = ["会议强调，要深入学习。", line, "会议指出，要提高站位。"]
    assert paragraphs(prepare("\n".join(lines))) == lines


def test_a_plain_text_s_running_header_is_no_text() -> None:
    raw = "\n".join(
        [
            "在全省水利工作会议上的讲话",
            "同志们：",
            "今天召开会议，主要任务是总结去年工作。",
            "— 1 —",
            "某省水利厅文件汇编",
            "去年以来，全省水利系统攻坚克难。",
            "一、主要成绩",
            "— 2 —",
            "某省水利厅文件汇编",
            "谢谢大家！",
        ]
    )
    assert paragraphs(prepare(raw)) == [
        "在全省水利工作会议上的讲话",
        "同志们：",
        "今天召开会议，主要任务是总结去年工作。",
        "去年以来，全省水利系统攻坚克难。",
        "一、主要成绩",
        "谢谢大家！",
    ]


# fmt: off
REPEATED_LINES_KEPT = [
    # a title written twice before the first sentence: a header there cannot be told from it
    (["全市安全生产工作会议召开", "全市安全生产工作会议召开", "会议强调，要守牢底线。"],
     ["全市安全生产工作会议召开", "全市安全生产工作会议召开", "会议强调，要守牢底线。"]),
    # lines with a sentence or a list in them, brackets, and short table cells repeat as text does
    (["会议强调，要守牢底线。", "（掌声）", "一是抓落实。", "（掌声）"], ["会议强调，要守牢底线。", "（掌声）", "一是抓落实。", "（掌声）"]),
    (["会议强调，要守牢底线。", "同志们：", "一是抓落实。", "同志们："], ["会议强调，要守牢底线。", "同志们：", "一是抓落实。", "同志们："]),
    (["名单如下。", "合计", "张三", "合计"], ["名单如下。", "合计", "张三", "合计"]),
    (["名单如下。", "市公安局、市交通局", "张三", "市公安局、市交通局"], ["名单如下。", "市公安局、市交通局", "张三", "市公安局、市交通局"]),
]
# fmt: on


@pytest.mark.parametrize(("lines", "expected"), REPEATED_LINES_KEPT)
def test_repeated_lines_that_are_no_running_header_stay(lines: list[str], expected: list[str]) -> None:
    assert paragraphs(prepare("\n".join(lines))) == expected


def test_a_page_s_repeated_short_blocks_are_not_running_headers() -> None:
    # HTML has no pages: a repeated block there (a table's 合计 row, a subheading) is the page's own
    blocks = ["会议强调，要守牢底线。", "某省水利厅文件汇编", "一是抓落实。", "某省水利厅文件汇编"]
    assert paragraphs(prepare("".join(f"<p>{block}</p>" for block in blocks))) == blocks


# fmt: off
PROMOTIONS = [
    "点击上方蓝字关注我们", "点击蓝字关注我们", "▲点击上方蓝字，关注我们", "点击上方“某某发布”关注我们",
    "长按二维码关注", "长按识别二维码", "长按识别下方二维码，关注我们", "扫码关注我们",
    "欢迎分享转发", "欢迎转发、点赞、在看", "点亮在看", "点个“在看”吧！", "分享、点赞、在看", "👆点击上方蓝字关注我们",
]
PROMOTION_WORDS_IN_SENTENCES = [
    "请广大市民长按识别二维码，关注“平安某县”公众号，及时了解警情通报。",
    "欢迎分享转发本文的读者提出宝贵意见。",
    "点击上方蓝字关注我们的公众号后，即可在线预约办理。",
    "会议强调，要持续关注我们身边的安全隐患。",
]
# fmt: on


@pytest.mark.parametrize("line", PROMOTIONS)
@pytest.mark.parametrize("fmt", ["plain", "html"])
def test_a_wechat_promotion_line_is_no_text(line: str, fmt: str) -> None:
    lines = ["3月9日，全县旅游工作会议召开。", line, "会议强调，要办好节庆活动。"]
    raw = "\n".join(lines) if fmt == "plain" else "".join(f"<p><strong>{line}</strong></p>" for line in lines)
    assert paragraphs(prepare(raw)) == [lines[0], lines[2]]


@pytest.mark.parametrize("line", PROMOTION_WORDS_IN_SENTENCES)
def test_a_sentence_with_promotion_words_stays(line: str) -> None:
    lines = ["3月9日，全县旅游工作会议召开。", line]
    assert paragraphs(prepare("\n".join(lines))) == lines
