"""What cannot run here (no container engine) is checked as text: the Dockerfile and the Makefile."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def _instructions(name: str) -> list[str]:
    joined = DOCKERFILE.replace("\\\n", " ")
    return [line.split(None, 1)[1] for line in joined.splitlines() if line.split(None, 1)[:1] == [name]]


def test_every_file_the_dockerfile_copies_exists() -> None:
    for copy in _instructions("COPY"):
        parts = [part for part in shlex.split(copy) if not part.startswith("--")]
        if "--from=" in copy:
            continue
        for source in parts[:-1]:
            assert (ROOT / source).exists(), f"Dockerfile copies {source}, which is not in the repo"


def test_the_container_runs_what_make_run_runs() -> None:
    command = json.loads(_instructions("CMD")[-1])
    recipe = re.search(r"^run:.*\n\t(.+)$", MAKEFILE, re.MULTILINE)
    assert recipe is not None
    make_command = shlex.split(recipe.group(1).replace("$(BIN)/", ""))
    assert command == make_command


def test_the_container_does_not_run_as_root() -> None:
    users = _instructions("USER")
    assert users and users[-1] not in {"root", "0"}


def test_the_image_is_multi_stage_slim_with_a_healthcheck() -> None:
    bases = _instructions("FROM")
    assert len(bases) >= 2 and all("slim" in base for base in bases)
    assert _instructions("HEALTHCHECK")


def test_ci_runs_make_test() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
