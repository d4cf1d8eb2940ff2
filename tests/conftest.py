"""Shared fixtures: the sample articles and their hand labels, read through one helper."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
LABELS = Path(__file__).resolve().parent / "data" / "seeds.json"


def seed_names() -> list[str]:
    return sorted(path.name for path in SEEDS.iterdir() if path.is_file())


def read_seed(name: str) -> bytes:
    return (SEEDS / name).read_bytes()


@cache
def seed_labels() -> dict[str, dict[str, Any]]:
    return json.loads(LABELS.read_text(encoding="utf-8"))["articles"]


@pytest.fixture(params=seed_names())
def seed(request: pytest.FixtureRequest) -> tuple[str, bytes, dict[str, Any]]:
    """Each sample article in turn: (file name, bytes, its hand label)."""
    name = request.param
    return name, read_seed(name), seed_labels()[name]
