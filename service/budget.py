"""The per-document time budget: a costly document is answered, not killed with its worker.

The driver (`service.pipeline.process`) opens a budget for each document and checks it between
stages; a long stage may call `check(stage)` inside its loops too (it costs a clock read). When
the budget has run out the document gets `TimeBudgetExceeded` (422; see errors.py for why not
503). The budget is the app's `Settings.time_budget_s`; with no app (the command line, tests of
one stage) there is none unless the caller gives one.

A budget check is cooperative: it cannot stop a single call into C (lxml, the segmenter) that
never returns to Python, so each stage must bound its own pieces of work, and gunicorn's
`timeout` stays well above the budget as the last resort.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from flask import current_app, has_app_context

from service.errors import TimeBudgetExceeded


@dataclass(frozen=True, slots=True)
class Budget:
    seconds: float
    deadline: float  # on time.monotonic()'s clock

    def remaining(self) -> float:
        return self.deadline - time.monotonic()


_current: ContextVar[Budget | None] = ContextVar("wenji_budget", default=None)


@contextmanager
def document_budget(seconds: float | None = None) -> Iterator[Budget | None]:
    """Open the budget for one document: `seconds`, or the app's setting when there is an app."""
    if seconds is None and has_app_context():
        seconds = current_app.config["SETTINGS"].time_budget_s
    if not seconds or seconds <= 0:
        yield None
        return
    budget = Budget(seconds, time.monotonic() + seconds)
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)


def check(stage: str) -> None:
    """Raise TimeBudgetExceeded if the current document's budget has run out."""
    budget = _current.get()
    if budget is not None and time.monotonic() > budget.deadline:
        raise TimeBudgetExceeded(
            f"The document took more than its time budget of {budget.seconds:g} s (at stage {stage!r}). "
            "It is too costly to process as it is; sending it again will not help: split or shorten it.",
            budget_s=budget.seconds,
            stage=stage,
        )
