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
    # a Party committee's own department written straight after it (省委 + 宣传部)
    "127_6c1e9a4f2d8b0357.txt": {"organization 省委宣传部"},
    # a name followed by the verbs of a disciplinary report (违规, 收受); the merged 纪委监委
    "128_a2f7d0c5e9b31864.txt": {
        "person 贺立群",
        "person 贺立群 role 党组书记",
        "person 贺立群 role 局长",
        "person 聂文华",
        "person 聂文华 role 院长",
        "organization 市纪委监委",
    },
    # people's bodies (工商联, 妇联, 科协) as organization suffixes
    "130_f5c0a8e3d6b12479.txt": {"organization 市工商联"},
    # command titles (指挥长, 总指挥) of 指挥部 bodies
    "131_0b9d4e7a2f6c3158.txt": {"person 孔祥瑞 role 副省长", "person 孔祥瑞 role 指挥长"},
    # company names without a place prefix (…有限公司)
    "132_7d2a6f0c4e8b1935.txt": {"organization 华信电子科技有限公司"},
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
