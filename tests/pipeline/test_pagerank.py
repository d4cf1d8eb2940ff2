"""pagerank.iterate gives the very floats of the plain power iteration it replaced."""

from __future__ import annotations

import operator
import random

import pytest

from service.pipeline import pagerank


def plain(jump, neighbours, shares, *, damping, iterations):
    rank = [1.0] * len(jump)
    for _ in range(iterations):
        get = rank.__getitem__
        rank = [
            jump[i] + damping * sum(map(operator.mul, shares[i], map(get, neighbours[i]))) for i in range(len(jump))
        ]
    return rank


@pytest.mark.parametrize("seed", range(40))
def test_same_floats_as_the_plain_iteration(seed: int) -> None:
    draw = random.Random(seed)
    n = draw.randint(1, 60)
    neighbours = [draw.sample(range(n), draw.randint(0, min(n, 3 if seed % 2 else 12))) for _ in range(n)]
    shares = [[draw.random() for _ in near] for near in neighbours]
    jump = [draw.random() for _ in range(n)]
    expected = plain(jump, neighbours, shares, damping=0.85, iterations=20)
    assert pagerank.iterate(jump, neighbours, shares, damping=0.85, iterations=20) == expected


def test_no_nodes() -> None:
    assert pagerank.iterate([], [], [], damping=0.85, iterations=10) == []
