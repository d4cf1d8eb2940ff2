"""Dictionaries, stop words and the segmenter: loaded once per process, shared by every request.

`init_app` loads them when the app is built (before gunicorn forks, with `preload_app`, so the
workers share the pages); `get()` gives them to the pipeline and loads them on first use for
callers with no app (the command line, tests of a single stage).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from flask import Flask

from service.segmenter import Segmenter

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Resources:
    segmenter: Segmenter


_loaded: Resources | None = None
_lock = threading.Lock()


def load() -> Resources:
    return Resources(segmenter=Segmenter())


def get() -> Resources:
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = load()
    return _loaded


def is_loaded() -> bool:
    return _loaded is not None


def init_app(app: Flask) -> None:
    get()
