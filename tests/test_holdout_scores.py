"""Held-out articles: the evaluation scorer's checks on articles the rules were not written from.

`data/holdout/` holds articles in the seeds' raw formats (file-name line and HTML fragment, plain
speeches with redactions, a whole page, Traditional script, GB18030 bytes) from other ministries,
provinces, cities, counties and years; `data/holdout.json` their hand labels, in the seeds'
label format. A rule keyed to the five seeds shows up here as a miss.
"""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from scorer import score_article

DATA = Path(__file__).resolve().parent / "data"
ARTICLES = DATA / "holdout"


@cache
def holdout_labels() -> dict[str, dict[str, Any]]:
    return json.loads((DATA / "holdout.json").read_text(encoding="utf-8"))["articles"]


def test_every_article_is_labelled() -> None:
    assert sorted(p.name for p in ARTICLES.iterdir()) == sorted(holdout_labels())


# Misses seen and not fixed yet, each with the open gap of a general rule it shows (the labels
# stay as a careful reader wrote them). Any other miss fails; a listed one that passes is fine.
KNOWN_MISSES: dict[str, set[str]] = {
    # rounds 4 and 5 (163-210): not fixed yet
    "175_1eb9144821695855.txt": {"place 洋浦"},
    "178_335c151cebdcd7c3.html": {"place 關閘"},
    "188_61ce0353981f0c24.txt": {"organization 省森林草原防灭火指挥部"},
    "194_d2e3dd382f5ae6cd.txt": {"meeting.format"},
    "195_5822a5373f2eb8eb.txt": {"organization 省委常委会"},
    "196_8b889f862311f962.txt": {
        "meeting.attendance",
        "organization 市委常委会",
    },
    "197_31961925efe0b821.html": {
        "organization 公共服务局",
        "organization 改革发展局",
        "organization 规划建设局",
        "place 容东",
        "place 昝岗",
        "place 白洋淀",
    },
    "198_de64e9af9f5a733b.txt": {"place 新河街道"},
    "199_ed8280507b447b2d.txt": {"place 潍坊新村街道", "place 陆家嘴"},
    "200_de36cdf228f39f40.txt": {"meeting.format", "organization 市住房保障和房地产管理局", "place 郑东新区"},
    "201_3583cbf13da3cbba.txt": {"organization 区委督查室", "place 汉正街", "place 长江新区"},
    "202_6100cbbcc6913c36.txt": {
        "meeting.location",
        "place 李哥庄镇",
    },
    "204_e07a3d5c9b2f1846.txt": {
        "meeting.attendance",
    },
    "205_91c5f8e2a6d04b37.txt": {
        "document_type",
        "organization 市财政局",
    },
    "206_3d6a0b8f4e1c7925.html": {
        "organization 物理与电子信息学院",
    },
    "207_c8f2e4a19d07b563.txt": {"organization 南方科技大學", "place 珠光社區", "place 龍珠社區"},
    "210_2e8d7a4c1f6b9530.txt": {
        "organization 陕西历史博物馆",
    },
}


@pytest.mark.parametrize("name", sorted(holdout_labels()))
def test_every_labelled_check_passes(client: FlaskClient, name: str) -> None:
    body = (ARTICLES / name).read_bytes()
    response = client.post("/v1/documents", data={"file": (io.BytesIO(body), name)})
    assert response.status_code == 200
    card = score_article(holdout_labels()[name], response.get_json())
    misses = [
        f"{'NOT! ' if must_not else ''}{check}: {detail}"
        for check, passed, must_not, detail in card.rows
        if not passed and (must_not or check not in KNOWN_MISSES.get(name, ()))
    ]
    assert not misses, "\n".join(misses)
