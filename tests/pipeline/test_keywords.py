"""Keywords: on every seed, both algorithms find the topic, and never filler, marks or fragments."""

from __future__ import annotations

import re

import pytest

from service import resources
from service.pipeline import keywords, segmenting
from service.pipeline.article import Article, Options, Upload, evolve
from tests.conftest import seed_labels
from tests.pipeline.conftest import SEEDS, analysed

METHODS = ["tfidf", "textrank"]


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("name", SEEDS)
def test_top_ten_hold_the_topic_and_no_stop_word(name, method):
    found = [k.word for k in analysed(name, Options(keywords=10, keywords_method=method)).keywords]
    assert len(found) == 10
    assert set(found) & set(seed_labels()[name]["keywords_any_of"]), found
    assert not set(found) & resources.get().stopwords


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("name", SEEDS)
def test_keywords_are_words_of_the_text_best_first(name, method):
    article = analysed(name, Options(keywords=50, keywords_method=method))
    words = [k.word for k in article.keywords]
    weights = [k.weight for k in article.keywords]
    assert weights[0] == 1.0
    assert weights == sorted(weights, reverse=True)
    assert len(set(words)) == len(words)
    for word in words:
        assert word in article.text
        assert len(word) > 1
        assert not re.fullmatch(r"[\W\d_]+", word)  # punctuation, numbers alone
        assert "*" not in word and "图片" not in word  # redaction marks, placeholder text


def _article(text: str, analysis_text: str | None = None) -> Article:
    article = Article(upload=Upload(b""), text=text, analysis_text=analysis_text or text)
    return segmenting.segment(article, Options())


# fmt: off
NEVER = [
    "尊敬的**，各位领导，同志们：会议强调，要进一步做好工作。**同志*.*主持会议。",
    "这里有图片 这里有图片 ---------- 2019 2019 6 6 月 日 ，，。。",
]
# fmt: on


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("text", NEVER)
def test_filler_marks_and_numbers_never_become_keywords(text, method):
    article = keywords.extract_keywords(_article(text), Options(keywords_method=method))
    assert article.keywords == ()


@pytest.mark.parametrize("method", METHODS)
def test_traditional_and_simplified_count_once_reported_as_in_text(method):
    text = "海關總署加強監管。海关总署加强监管。海关总署推进改革。"
    simplified = "海关总署加强监管。海关总署加强监管。海关总署推进改革。"
    found = keywords.extract_keywords(_article(text, simplified), Options(keywords_method=method)).keywords
    words = [k.word for k in found]
    assert words[0] == "海關總署"  # three mentions, one word, spelled as it first stands
    assert "海关总署" not in words


@pytest.mark.parametrize("limit", [0, 1, 50])
def test_the_number_asked_for(limit):
    article = analysed(SEEDS[0], Options(keywords=limit))
    assert len(article.keywords) == min(limit, len(article.keywords)) <= limit
    assert limit == 0 or article.keywords


def test_a_full_name_counts_for_its_short_form():
    counts: dict[str, float] = {"吉林": 2, "吉林省": 3, "海关总署": 1, "主题教育": 4}
    keywords.credit_short_forms(counts)
    assert counts == {"吉林": 5, "吉林省": 3, "海关总署": 1, "主题教育": 4}  # no 海关 in the text: nothing made up


def test_a_piece_of_a_person_s_name_is_no_keyword() -> None:
    from service.pipeline import process
    from service.pipeline.article import Upload

    text = "县委书记朱建平主持会议。朱建平指出，要抓好民宿经济。朱建平强调，民宿经济要提质。朱建平要求落实。"
    words = [k.word for k in process(Upload(text.encode(), filename="x.txt")).keywords]
    assert "建平" not in words and "民宿" in words


@pytest.mark.parametrize("name", SEEDS)
def test_candidates_from_the_columns_are_those_of_the_tokens(name):
    # the stage maps over the segmenter's word and tag columns; an article with its tokens only
    # (built by hand) is tested token by token with `candidate_tags`: both choose the same
    article = analysed(name)
    chosen = keywords.choose_content_words(article)
    assert chosen == article.content_words
    tokens_only = evolve(article, token_words=(), token_tags=())
    assert keywords.choose_content_words(tokens_only) == chosen
    res = resources.get()
    people = {(m.start, m.end) for person in article.metadata.people for m in person.mentions}
    by_hand = [
        i
        for i, token in enumerate(article.tokens)
        if token.tag in keywords.candidate_tags(token.word, res.stopwords, res.domain_words, res.title_endings)
        and not (any(s <= token.start < e for s, e in people) and (token.start, token.end) not in people)
    ]
    assert list(chosen.positions) == by_hand


# fmt: off
TITLE_CASES = [
    # (a title naming the word, a title that does not, text, the word)
    ("县委中心组举行专题学习会深入学习贯彻全国两会精神", "县委中心组举行专题学习会",
     "县委理论学习中心组举行专题学习会，深入学习贯彻全国两会精神。县委、县政府、县人大、县政协领导参加。"
     "县委强调，县政协要发挥作用，县委各部门要抓好落实。会上，民宿经济、乡村旅游、生态保护等议题被讨论。", "全国两会"),
    ("吉林省召开生态环境保护工作会议", "全省召开工作会议",
     "会议在长春召开。吉林要推进生态环境保护，守住绿水青山。会议强调，要抓好大气、水、土壤污染防治，"
     "推动产业转型升级，加强基层治理，提升公共服务水平，全面推进乡村振兴。", "吉林"),
]
# fmt: on


def _rank(title: str, text: str, word: str) -> int:
    from service.pipeline import process
    from service.pipeline.article import Options, Upload

    article = process(Upload(f"1{title}.txt\n{text}".encode()), Options(keywords=50))
    assert article.metadata.title == title
    words = [keyword.word for keyword in article.keywords]
    return words.index(word) if word in words else len(words)


@pytest.mark.parametrize(("named", "unnamed", "text", "word"), TITLE_CASES)
def test_a_word_the_title_names_is_weighed_up(named: str, unnamed: str, text: str, word: str) -> None:
    assert _rank(named, text, word) < _rank(unnamed, text, word)


def test_role_titles_are_never_keywords() -> None:
    from service.pipeline import process
    from service.pipeline.article import Upload

    text = "县委书记主持会议。主任、副主任、组长、局长出席。主任强调，局长指出，组长要求。" * 3
    words = [keyword.word for keyword in process(Upload(text.encode())).keywords]
    assert not {"主任", "副主任", "组长", "局长"} & set(words)


@pytest.mark.parametrize("method", METHODS)
def test_a_body_s_title_written_as_one_word_is_no_keyword(method: str) -> None:
    # the segmenter keeps 政协主席, 纪委书记, 督导组组长 whole: a word ending with a role title is a title
    text = (
        "市政协主席出席会议。市纪委书记讲话，督导组组长通报情况。政协主席要求抓好河道治理，纪委书记强调河道治理。" * 3
    )
    words = _ranks(text, method)
    assert not {"政协主席", "纪委书记", "督导组组长"} & set(words)
    assert "河道" in words or "河道治理" in words  # what the text is about stays


def _ranks(text: str, method: str = "tfidf") -> list[str]:
    from service.pipeline import process
    from service.pipeline.article import Options, Upload

    article = process(Upload(text.encode(), filename="x.txt"), Options(keywords=50, keywords_method=method))
    return [keyword.word for keyword in article.keywords]


@pytest.mark.parametrize("method", METHODS)
def test_the_names_of_the_people_reported_are_weighed_down(method: str) -> None:
    # the speakers are reported in `people`; the harvest is what the briefing is about
    text = (
        "农业农村部副部长郑国华、发展规划司司长陈光明介绍情况。郑国华介绍，夏粮产量增加，生猪生产稳定。"
        "陈光明表示，将抓好秋粮生产。郑国华说，夏粮丰收。陈光明说，生猪存栏稳定。郑国华强调防灾减灾。"
    )
    words = _ranks(text, method)
    assert "陈光明" in words  # still a candidate, weighed down
    assert words.index("夏粮") < words.index("陈光明")
    assert words.index("生猪") < words.index("陈光明")


def test_the_frame_of_wire_reports_and_briefings_is_no_keyword() -> None:
    text = (
        "新华社北京7月16日电 国务院新闻办公室举行新闻发布会，介绍夏粮生产情况，并答记者问。"
        "要把青年就业摆在突出位置，会同有关部门抓好落实，就业形势总体稳定。"
    )
    assert not {"新华社", "日电", "发布会", "新闻发布会", "答记者问", "突出位置", "会同", "总体"} & set(_ranks(text))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("中共中央政治局就加强生态文明建设进行集体学习。生态文明建设关系中华民族永续发展。", "生态文明建设"),
        ("中共中央政治局就加强生态文明建设进行集体学习。生态文明建设关系中华民族永续发展。", "集体学习"),
        ("国务院任免国家工作人员。任命王志军为水利部副部长。", "任免"),
        ("国务院任免国家工作人员。任命王志军为水利部副部长。", "国家工作人员"),
        ("会议听取稳就业工作汇报，审议通过《社会救助条例（草案）》。", "社会救助"),
        ("会议听取稳就业工作汇报，审议通过《社会救助条例（草案）》。", "稳就业"),
        ("行政會議完成討論《公共場所消防安全制度》法律草案，法律草案將提交立法會。", "法律草案"),
    ],
)
def test_policy_phrases_of_the_central_reports_are_kept_whole(text: str, phrase: str) -> None:
    assert phrase in _ranks(text)


def test_a_policy_term_the_segmenter_cut_is_one_keyword() -> None:
    """小微企业 and 海洋经济 are each one idea in the domain dictionary, not 小微 and 企业."""
    words = resources.get().segmenter.tag("扶持小微企业发展，壮大海洋经济，推进灾后恢复重建。")
    found = {token.word for token in words}
    assert {"小微企业", "海洋经济", "灾后恢复重建"} <= found
    assert not {"小微", "海洋"} & found
