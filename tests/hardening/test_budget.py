"""The time budget: a document that would run long is answered 422, not killed with its worker."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from flask import Flask

from contract import check_response
from service import budget, pipeline
from service.app import create_app
from service.config import Settings
from service.errors import TimeBudgetExceeded
from service.pipeline.article import Article, Options, Upload

ARTICLE = "会议在北京召开。\n与会人员认真学习了文件精神。".encode()


def _slow(seconds: float):
    def stage(article: Article, options: Options) -> Article:
        time.sleep(seconds)
        return replace(article)

    return stage


@pytest.fixture
def slow_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    # A stage that takes 0.3 s, early in the order: the budget must stop the stages after it.
    stages = list(pipeline.STAGES)
    stages.insert(2, ("slow", _slow(0.3)))
    monkeypatch.setattr(pipeline, "STAGES", tuple(stages))


def _app(**settings: object) -> Flask:
    return create_app(Settings(testing=True, **settings))  # type: ignore[arg-type]


def test_over_budget_is_a_422_naming_the_budget_and_the_stage(slow_pipeline: None) -> None:
    response = _app(time_budget_s=0.1).test_client().post("/v1/documents", data=ARTICLE, content_type="text/plain")
    check_response("POST", "/v1/documents", response.status_code, response.mimetype, response.data)
    assert response.status_code == 422
    problem = response.get_json()
    assert problem["type"].endswith("/time-budget-exceeded")
    assert problem["budget_s"] == 0.1
    assert problem["stage"] == pipeline.STAGES[3][0]  # the first stage after the slow one
    assert "Retry-After" not in response.headers  # the same document would run out again


def test_within_budget_the_document_is_processed(slow_pipeline: None) -> None:
    response = _app(time_budget_s=5).test_client().post("/v1/documents", data=ARTICLE, content_type="text/plain")
    assert response.status_code == 200


def test_a_budget_of_zero_is_no_budget(slow_pipeline: None) -> None:
    response = _app(time_budget_s=0).test_client().post("/v1/documents", data=ARTICLE, content_type="text/plain")
    assert response.status_code == 200


def test_a_caller_with_no_app_can_give_a_budget(slow_pipeline: None) -> None:
    # The command line, say: the budget it opens holds for the driver's stages.
    with budget.document_budget(0.1), pytest.raises(TimeBudgetExceeded) as raised:
        pipeline.process(Upload(ARTICLE))
    assert raised.value.extensions["budget_s"] == 0.1


def test_with_no_app_and_no_budget_nothing_is_checked() -> None:
    budget.check("anything")  # no budget open: never raises
    assert pipeline.process(Upload(ARTICLE)).text


def test_the_budget_sits_well_under_gunicorns_timeout() -> None:
    # Read, not run: executing gunicorn.conf.py here would set its metrics directory in the
    # environment of this process and of every server the later tests start.
    import re
    from pathlib import Path

    config = (Path(__file__).resolve().parents[2] / "gunicorn.conf.py").read_text(encoding="utf-8")
    timeout = int(re.search(r'GUNICORN_TIMEOUT", "(\d+)"', config).group(1))  # type: ignore[union-attr]
    assert Settings().time_budget_s * 2 <= timeout
