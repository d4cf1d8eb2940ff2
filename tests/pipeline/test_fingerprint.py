"""SimHash and content id: near copies close, different articles far, stable across processes."""

from __future__ import annotations

import hashlib
import itertools

import pytest

from service.pipeline import fingerprint, process, segmenting
from service.pipeline.article import Article, Options, Upload
from tests.pipeline.conftest import SEEDS, analysed

NEAR = 10  # measured: one sentence of a paragraph rewritten moves 0-9 bits on the seeds
FAR = 14  # measured: different seeds (one campaign, one genre) are 16-33 bits apart


def distance(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


@pytest.mark.parametrize("name", SEEDS)
def test_format_and_content_id(name):
    article = analysed(name)
    assert len(article.fingerprint) == 16 and int(article.fingerprint, 16) >= 0
    assert article.content_id == hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def test_different_seeds_are_far_apart():
    prints = [analysed(name).fingerprint for name in SEEDS]
    assert min(distance(a, b) for a, b in itertools.combinations(prints, 2)) >= FAR


@pytest.mark.parametrize("name", SEEDS)
def test_a_paragraph_changed_stays_near(name):
    article = analysed(name)
    paragraphs = article.text.split("\n")
    index = max(range(1, len(paragraphs)), key=lambda i: paragraphs[i].count("。"))
    sentences = paragraphs[index].split("。")
    paragraphs[index] = "。".join([*sentences[:1], "会议还通报了近期有关情况", *sentences[2:]])
    edited = process(Upload("\n".join(paragraphs).encode("utf-8")))
    assert edited.content_id != article.content_id
    assert distance(edited.fingerprint, article.fingerprint) <= NEAR


def test_a_traditional_copy_has_the_same_fingerprint_and_another_content_id():
    simplified = "海关总署召开主题教育动员会。全国海关加强监管，推进改革。"
    traditional = "海關總署召開主題教育動員會。全國海關加強監管，推進改革。"
    one = Article(upload=Upload(b""), text=simplified, analysis_text=simplified)
    two = Article(upload=Upload(b""), text=traditional, analysis_text=simplified)
    one, two = (fingerprint.fingerprint(segmenting.segment(a, Options()), Options()) for a in (one, two))
    assert one.fingerprint == two.fingerprint
    assert one.content_id != two.content_id


def test_known_value():
    # pins the hash, so a change of features or hashing shows up as a changed contract
    assert fingerprint.simhash({"主题教育": 1.0}) == hashlib.blake2b("主题教育".encode(), digest_size=8).hexdigest()
    assert fingerprint.simhash({}) == "0" * 16
