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
    # round 4 (163-186), as scored before its fixes
    "163_faf2ce151fa0451c.txt": {"organization 洞庭湖水利工程管理局"},
    "165_c2d14c4235ca17ef.txt": {"organization 甘南公路总段"},
    "166_ec13fa2479c9373a.html": {
        "meeting.location",
        "place 查干淖尔镇",
        "place 洪格尔高勒镇",
    },
    "167_0620cb23e29ec42b.txt": {"doc_number", "title"},
    "169_75c8479d7dfd30df.txt": {
        "organization 县委理论学习中心组",
        "place 大屯村",
        "place 尧上村",
        "place 花桥镇",
    },
    "170_26a15367b6aa9daa.txt": {
        "meeting.location",
        "organization 审计署驻成都特派员办事处",
        "place 成都",
    },
    "171_bc50ac293eff328e.txt": {"meeting.location"},
    "172_4461908669396b1f.txt": {
        "place 章凤镇",
    },
    "173_6f6d40298e76e741.txt": {"place 兴国", "place 赣南"},
    "174_a4a02d7fe9f9bb37.html": {"organization 住房保障司", "organization 城市建设司"},
    "175_1eb9144821695855.txt": {"place 洋浦"},
    "176_bf08cb87d4afd461.txt": {"meeting.attendance", "meeting.location"},
    "177_2abacb3aa1853474.txt": {"event_date.part_of_day", "place 凤翔区"},
    "178_335c151cebdcd7c3.html": {
        "keywords",
        "organization 個人資料保護辦公室",
        "organization 司法警察局",
        "organization 治安警察局",
        "organization 立法會",
        "organization 行政會議",
        "place 路環",
        "place 關閘",
    },
    "180_1f9cd3b4129bf552.txt": {"organization 延边州公安消防支队", "organization 省公安消防总队"},
    "181_6244fb555fd048ec.txt": {"place 石桥村", "place 金竹村", "place 青杠村", "place 龙潭村"},
    "184_203a12a315a308c7.txt": {
        "meeting.location",
        "organization 武警浙江省总队",
    },
    "186_df2e472e0c2e286e.html": {
        "organization 九三学社山西省委",
        "organization 民盟山西省委",
        "organization 民革山西省委",
        "place 长治",
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
