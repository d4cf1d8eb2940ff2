"""Property tests of the whole pipeline: any bytes or string gets an article or one of our problems,
and every paragraph of a valid document comes out whole, in order, where its offsets say."""

from __future__ import annotations

import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.errors import Problem
from service.pipeline import process
from service.pipeline.article import Options, Upload

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CHARSETS = [None, "utf-8", "gb18030", "gbk", "big5", "utf-16", "utf-16-le", "latin-1", "ascii", "utf-7", "nonsense"]
CONTENT_TYPES = [None, "text/plain", "text/html", "application/octet-stream"]
# Chinese text as articles write it: everyday Han characters (GB2312 level 1, as ingestion's
# plausibility check expects of real text), full-width punctuation, digits, Latin letters.
EVERYDAY = bytes(b for high in range(0xB0, 0xD8) for low in range(0xA1, 0xFF) for b in (high, low)).decode(
    "gb2312", "ignore"
)
HAN = st.sampled_from(sorted(set(EVERYDAY)))
ARTICLE_CHARS = st.one_of(HAN, HAN, HAN, st.sampled_from("，。；：！？、“”（）《》0123456789ABCabc％"))
PARAGRAPH = st.text(ARTICLE_CHARS, min_size=1, max_size=60)
OPTIONS = st.builds(
    Options,
    keywords=st.integers(0, 50),
    keywords_method=st.sampled_from(["tfidf", "textrank"]),
    summary=st.integers(0, 20),
)


def _run(upload: Upload, options: Options | None = None, *, problems: list[Problem] | None = None):
    try:
        return process(upload, options)
    except Problem as problem:
        if problems is not None:
            problems.append(problem)
        return None  # a clear answer; anything else propagates and fails the property


@PROPERTY
@given(body=st.binary(max_size=4000), charset=st.sampled_from(CHARSETS), content_type=st.sampled_from(CONTENT_TYPES))
def test_any_bytes_give_an_article_or_a_problem(body: bytes, charset: str | None, content_type: str | None) -> None:
    _run(Upload(body=body, content_type=content_type, declared_charset=charset))


@PROPERTY
@given(text=st.text(max_size=2000), charset=st.sampled_from(["utf-8", "gb18030", "utf-16"]), options=OPTIONS)
def test_any_string_gives_an_article_or_a_problem(text: str, charset: str, options: Options) -> None:
    body = text.encode(charset, errors="surrogatepass" if charset.startswith("utf") else "replace")
    _run(Upload(body=body, declared_charset=charset), options)


MARKUP = st.sampled_from(
    [
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<br>",
        "<span>",
        "</span>",
        "<a ",
        "<!--",
        "-->",
        "</",
        "<",
        ">",
        "&nbsp;",
        "&amp;",
        "&#x4f1a;",
        "<script>",
        "</script>",
        "<html>",
        "<body>",
    ]
)


@PROPERTY
@given(parts=st.lists(st.one_of(MARKUP, PARAGRAPH, st.text(max_size=20)), max_size=60))
def test_any_mix_of_markup_and_text_gives_an_article_or_a_problem(parts: list[str]) -> None:
    article = _run(Upload(body="".join(parts).encode("utf-8", errors="surrogatepass"), content_type="text/html"))
    if article is not None:
        for span in article.paragraphs:
            assert 0 <= span.start <= span.end <= len(article.text)


# A first line that leads with a number glued to a title is the original file-name line
# (`225市场监管总局召开….txt`) and is taken out of the text by design: start with a character.
# The paragraphs are distinct: a short line without a sentence that repeats is a PDF's running
# header or footer, dropped by design (cleaning.drop_running_lines).
DOCUMENT = st.tuples(HAN, st.lists(PARAGRAPH, min_size=1, max_size=40, unique=True)).map(
    lambda t: [t[0] + t[1][0], *t[1][1:]]
)


def _assert_paragraphs_survive(paragraphs: list[str], article) -> None:
    assert article is not None
    assert [article.text[span.start : span.end] for span in article.paragraphs] == paragraphs
    assert article.text == "\n".join(paragraphs)


@PROPERTY
@given(paragraphs=DOCUMENT, charset=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_every_paragraph_of_a_plain_document_survives(paragraphs: list[str], charset: str) -> None:
    body = "\n".join(paragraphs).encode(charset)
    problems: list[Problem] = []
    article = _run(Upload(body=body, content_type="text/plain", declared_charset=charset), problems=problems)
    assert not problems, problems[0].to_dict()
    _assert_paragraphs_survive(paragraphs, article)


@PROPERTY
@given(
    paragraphs=DOCUMENT,
    wrap=st.sampled_from(["<div><span>{}</span></div>", "<p>{}</p>", "{}<br>", "<div>　　{}&nbsp;</div>"]),
)
def test_every_paragraph_of_an_html_document_survives(paragraphs: list[str], wrap: str) -> None:
    body = "".join(wrap.format(html.escape(p)) for p in paragraphs).encode("utf-8")
    _assert_paragraphs_survive(paragraphs, _run(Upload(body=body, content_type="text/html")))
