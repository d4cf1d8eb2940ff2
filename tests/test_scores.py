"""The hand labels of the seeds, checked by the evaluation scorer's own rules.

`scorer.py` is a verbatim copy of the evaluation scorer (`../shared/eval/score.py`), so the
project is whole on its own and a regression on any labelled check fails CI, not a later run.
"""

from __future__ import annotations

import io

import pytest
from flask.testing import FlaskClient

from conftest import read_seed, seed_labels, seed_names
from scorer import score_article


@pytest.mark.parametrize("name", seed_names())
def test_every_labelled_check_passes(client: FlaskClient, name: str) -> None:
    response = client.post("/v1/documents", data={"file": (io.BytesIO(read_seed(name)), name)})
    assert response.status_code == 200
    card = score_article(seed_labels()[name], response.get_json())
    misses = [f"{check}: {detail}" for check, passed, _, detail in card.rows if not passed]
    assert not misses, "\n".join(misses)
