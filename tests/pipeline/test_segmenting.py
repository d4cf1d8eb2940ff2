"""The one segmentation pass: domain words whole, set phrases whole, exact offsets, bounded pieces."""

from __future__ import annotations

import itertools
import random

import pytest
import rjieba

from service import segmenter as segmenter_module
from service.pipeline.segmenting import split_sentences
from tests.pipeline.conftest import SEEDS, analysed

# fmt: off
WHOLE = [
    ("在全党开展“不忘初心、牢记使命”主题教育", ["不忘初心、牢记使命", "主题教育"]),
    ("用习近平新时代中国特色社会主义思想武装头脑", ["习近平新时代中国特色社会主义思想"]),
    ("工业和信息化部召开动员部署会", ["工业和信息化部"]),
    ("深化放管服改革，优化营商环境", ["放管服改革", "营商环境"]),
    ("增强“四个意识”、坚定“四个自信”、做到“两个维护”", ["四个意识", "四个自信", "两个维护"]),
    ("主题教育“守初心、担使命，找差距、抓落实”的总要求", ["守初心、担使命，找差距、抓落实"]),
    ("国家市场监督管理总局党组书记", ["国家市场监督管理总局", "党组书记"]),
]
# fmt: on


@pytest.mark.parametrize(("text", "words"), WHOLE)
def test_domain_words_and_set_phrases_stay_whole(segmenter, text, words):
    cut = [token.word for token in segmenter.tag(text)]
    for word in words:
        assert word in cut


# fmt: off
AWKWARD = [
    "",
    "\n\n",
    "尊敬的**组长，各位领导，同志们：\n  会议强调 ，要*.*进一步  ",
    "海關總署召開「不忘初心、牢記使命」主題教育動員會",
    "不忘初心、牢记使命不忘初心、牢记使命",
    "2019年6月6日 ABC 5G 👍🏽 市场监管\r\n局",
]
# fmt: on


@pytest.mark.parametrize("text", AWKWARD)
def test_tokens_cover_the_text_with_exact_offsets(segmenter, text):
    tokens = segmenter.tag(text)
    assert "".join(token.word for token in tokens) == text
    assert all(text[token.start : token.end] == token.word for token in tokens)
    assert all(a.end == b.start for a, b in itertools.pairwise(tokens))


@pytest.mark.parametrize("text", [*AWKWARD[:3], AWKWARD[-1], "会议强调，要进一步做好工作。2019年ABC公司5G"])
def test_tags_are_jiebas_and_the_columns_are_the_tokens(segmenter, text):
    # words are cut and their tags looked up in a memo: the pairs `rjieba.tag` gives (no set phrase here)
    tagged = segmenter.tag_columns(text)
    assert [(t.word, t.tag) for t in tagged.tokens] == segmenter._jieba.tag(text, False)
    assert tagged.words == [t.word for t in tagged.tokens]
    assert tagged.tags == [t.tag for t in tagged.tokens]


def test_a_word_that_is_not_one_word_alone_is_tagged_in_its_piece(segmenter, monkeypatch):
    # should jieba ever cut a word in two when it stands alone, its piece is tagged by jieba whole
    text = "市场监管总局召开会议"
    expected = segmenter._jieba.tag(text, False)
    memo = segmenter_module._TagMemo(_Splitting(segmenter._jieba))
    monkeypatch.setattr(segmenter, "_tags", memo)
    assert [(t.word, t.tag) for t in segmenter.tag(text)] == expected


class _Splitting:
    """A jieba that cuts every word standing alone into characters."""

    def __init__(self, jieba: rjieba.Jieba) -> None:
        self._jieba = jieba

    def tag(self, text: str, hmm: bool) -> list[tuple[str, str]]:
        if len(text) > 1 and text.isalpha() and all(w == text for w, _ in self._jieba.tag(text, hmm)):
            return [(char, "x") for char in text]
        return self._jieba.tag(text, hmm)


@pytest.mark.parametrize("name", SEEDS)
def test_seed_tokens_point_into_the_text(name):
    article = analysed(name)
    assert article.tokens
    assert all(article.analysis_text[t.start : t.end] == t.word for t in article.tokens)
    assert article.tokens[-1].end == len(article.text)


def test_a_long_run_without_punctuation_is_cut_in_pieces_and_nothing_moves(segmenter, monkeypatch):
    rng = random.Random(6)
    vocabulary = ["市场监管", "中华人民共和国", "国务院", "海关总署", "工业", "信息化", "主题教育", "的"]
    text = "".join(rng.choice(vocabulary) for _ in range(3000))
    calls = []
    monkeypatch.setattr(segmenter, "_jieba", _Spy(segmenter._jieba, calls))
    tokens = segmenter.tag(text)
    assert max(calls) <= segmenter_module.MAX_PIECE  # no call saw the whole run
    assert "".join(t.word for t in tokens) == text
    assert all(text[t.start : t.end] == t.word for t in tokens)
    # and the pieces cut as the whole would have: nothing split at a seam
    whole = [word for word, _ in segmenter._jieba.tag(text, False)]
    assert [t.word for t in tokens] == whole


class _Spy:
    def __init__(self, jieba: rjieba.Jieba, calls: list[int]) -> None:
        self._jieba, self._calls = jieba, calls

    def tag(self, text: str, hmm: bool) -> list[tuple[str, str]]:
        self._calls.append(len(text))
        return self._jieba.tag(text, hmm)

    def cut(self, text: str, hmm: bool) -> list[str]:
        self._calls.append(len(text))
        return self._jieba.cut(text, hmm)


def test_sentences_are_whole_and_exact():
    text = "会议指出，要抓好落实。 同志们！是否清楚？第一；第二\n标题行\n“引语。”后文"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "会议指出，要抓好落实。",
        "同志们！",
        "是否清楚？",
        "第一；",
        "第二",
        "标题行",
        "“引语。”",
        "后文",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
