"""Output identity for speed work: every answer the pipeline gives on a fixed set of inputs, as JSON.

A speed-up must not change what the service answers. This dumps, exactly as the API does
(`dump_document`, timings left out), the answers for every seed, every held-out article and two
synthetic inputs of 10 KB and 100 KB, with both keyword methods: 92 documents. Dump before and
after a change and compare the files byte for byte:

    python -m bench.snapshot /tmp/before.json
    ... change ...
    python -m bench.snapshot /tmp/after.json && cmp /tmp/before.json /tmp/after.json

Both rounds of issue 8's optimisation were held to an identical snapshot this way.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from bench.loadgen import seed_bodies
from bench.run import synthetic_text
from bench.servers import ROOT
from service.api.schemas import dump_document
from service.pipeline import process
from service.pipeline.article import Options, Upload

HOLDOUT = ROOT / "tests" / "data" / "holdout"
SYNTHETIC_SIZES = (10 * 1024, 100 * 1024)


def inputs() -> list[tuple[str, bytes]]:
    seeds = seed_bodies()
    synthetic = [(f"synthetic-{size}.txt", synthetic_text(seeds, size).encode("utf-8")) for size in SYNTHETIC_SIZES]
    return seeds + seed_bodies(HOLDOUT) + synthetic


def snapshot() -> dict[str, dict[str, object]]:
    answers = {}
    for method in ("tfidf", "textrank"):
        for name, body in inputs():
            answer = dump_document(process(Upload(body=body, filename=name), Options(keywords_method=method)))
            answer.pop("timings", None)  # the only field that differs from run to run
            answers[f"{method}:{name}"] = answer
    return answers


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.snapshot", description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="where to write the JSON")
    args = parser.parse_args(argv)
    answers = snapshot()
    args.output.write_text(json.dumps(answers, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(answers)} documents written to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
