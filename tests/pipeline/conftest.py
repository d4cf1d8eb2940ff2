"""Fixtures for the stage tests: one segmenter for the session, and seeds run through the pipeline."""

from __future__ import annotations

from functools import cache

import pytest

from service import resources
from service.pipeline import process
from service.pipeline.article import Article, Options, Upload
from service.segmenter import Segmenter
from tests.conftest import read_seed, seed_names


@pytest.fixture(scope="session")
def segmenter() -> Segmenter:
    return resources.get().segmenter


@cache
def analysed(name: str, options: Options | None = None) -> Article:
    """A seed article through the whole pipeline (cached: stages are pure)."""
    return process(Upload(read_seed(name), filename=name), options or Options())


SEEDS = seed_names()
