"""Property: whatever the markup around them, paragraphs survive cleaning whole and in order,
and every offset reported points at what it claims."""

from __future__ import annotations

import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.pipeline.article import Article, Options, Upload
from service.pipeline.cleaning import _PLACEHOLDER_BLOCK, clean, replace_dashed_blocks

# Paragraph text: CJK (Simplified and Traditional), full-width and ASCII punctuation, Latin, digits,
# redaction stars, and the characters markup must escape. No whitespace at the ends (layout), no
# runs of dashes (a drawn line), no brackets (an `[图片]` marker).
_CHARS = st.sampled_from(
    list("会议强调要深入学习習近平總書記重要講話精神市场监管总局，。、：；！？“”（）《》０１２ABCxyz789*.&<>\"'%")
)
_PARAGRAPH = (
    st.lists(_CHARS, min_size=1, max_size=30)
    .map("".join)
    .filter(lambda text: not text.startswith("* ") and not text[0].isdigit())
)
_BLOCK = st.sampled_from(["div", "p", "li", "h2", "section", "td-row"])
_INLINE = st.sampled_from(["span", "b", "a href='#'", "font color=red", "strong", "em"])
_SPACER = st.sampled_from(["", "\n", "  \n    ", "<div>&nbsp;</div>", "<p> </p>", "<!-- 注释 -->", "<br>"])
_PLACEHOLDER = st.sampled_from(
    [
        "\n----------------------------------------\n-------------------这里有图片------------\n"
        "----------------------------------------\n",
        "<img src='photo.jpg'>",
        "<p>[图片]</p>",
    ]
)


@st.composite
def _html_paragraph(draw: st.DrawFn, text: str) -> str:
    """`text` split into runs, some wrapped in inline tags, some characters as entities."""
    cuts = sorted(draw(st.sets(st.integers(1, max(1, len(text) - 1)), max_size=3)))
    runs = [text[i:j] for i, j in zip([0, *cuts], [*cuts, len(text)], strict=True) if text[i:j]]
    pieces = []
    for run in runs:
        escaped = html.escape(run, quote=False)
        if draw(st.booleans()):
            escaped = "".join(f"&#{ord(char)};" if char in "会议" else char for char in escaped)
        tag = draw(st.one_of(st.none(), _INLINE))
        pieces.append(f"<{tag}>{escaped}</{tag.split()[0]}>" if tag else escaped)
    block = draw(_BLOCK)
    indent = draw(st.sampled_from(["", "　　", "&nbsp;&nbsp;", " \n  "]))
    inner = indent + "".join(pieces)
    if block == "td-row":
        return f"<table><tr><td>{inner}</td></tr></table>"
    return f"<{block}>{inner}</{block}>"


@st.composite
def _document(draw: st.DrawFn) -> tuple[str, list[str], list[int]]:
    """(markup, the paragraphs, for each placeholder the index of the paragraph it precedes)."""
    texts = draw(st.lists(_PARAGRAPH, min_size=1, max_size=8))
    parts, placeholders = [], []
    for index, text in enumerate(texts):
        for _ in range(draw(st.integers(0, 1))):
            parts.append(draw(_PLACEHOLDER))
            placeholders.append(index)
        parts.append(draw(_SPACER))
        parts.append(draw(_html_paragraph(text)))
    return "".join(parts), texts, placeholders


def _check_offsets(article: Article) -> None:
    text = article.text
    assert text == "\n".join(text[span.start : span.end] for span in article.paragraphs)
    assert len(article.analysis_text) == len(text)
    for mark in article.metadata.redactions:
        assert text[mark.start : mark.end] == mark.text and set(mark.text) <= set("*＊.．")
    starts = [span.start for span in article.paragraphs]
    for image in article.metadata.image_placeholders:
        assert 0 <= image.offset <= len(text)
        if image.paragraph < len(starts):
            assert image.offset == starts[image.paragraph]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document())
def test_html_paragraphs_survive_in_order(document: tuple[str, list[str], list[int]]) -> None:
    markup, texts, placeholders = document
    article = clean(Article(upload=Upload(b"x"), raw_text=markup), Options())
    assert [article.text[span.start : span.end] for span in article.paragraphs] == texts
    assert [image.paragraph for image in article.metadata.image_placeholders] == placeholders
    _check_offsets(article)


# Distinct paragraphs: a short line without a sentence that repeats in a plain text is a running
# header or footer, dropped by design (cleaning.drop_running_lines).
@settings(max_examples=300, deadline=None)
@given(
    st.lists(_PARAGRAPH.filter(lambda text: not set(text) & set("<>&")), min_size=1, max_size=8, unique=True),
    st.lists(st.sampled_from(["", "\n", "　　", "  ", "\n\n"]), min_size=8, max_size=8),
)
def test_plain_paragraphs_survive_in_order(texts: list[str], layout: list[str]) -> None:
    raw = "".join(f"{layout[i]}{text}{layout[-1 - i]}\n" for i, text in enumerate(texts))
    article = clean(Article(upload=Upload(b"x"), raw_text=raw), Options())
    assert [article.text[span.start : span.end] for span in article.paragraphs] == texts
    _check_offsets(article)


# Lines a dashed image block is made of, and lines that only look like parts of one.
_DASHED_LINES = st.sampled_from(
    [
        "-" * 12, " ---- ", "—————　", "---这里有图片---", "--- 图片 ---", "-----图片-----正文", "正文", "",
        "正文---图片---", "---图像", "==== Photo ====", "-----图片-----图片----", "<p>---图片---</p><p>正文</p>",
    ]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_DASHED_LINES, max_size=30), st.sampled_from(["\n\ufdd0\n", "<br>\ufdd0<br>"]))
def test_dashed_blocks_are_found_around_their_labels_as_over_the_whole_text(lines: list[str], marker: str) -> None:
    raw = "\n".join(lines)
    assert replace_dashed_blocks(raw, marker) == _PLACEHOLDER_BLOCK.sub(marker, raw)
