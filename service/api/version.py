"""GET /v1/version: what is answering, so two deployments' results can be told apart.

The same text gives different keywords under a different dictionary, so the answer names the
service, the segmenters and a hash of every data file the pipeline reads. The hashes are taken
once per process, on the first request, and kept.
"""

from __future__ import annotations

import hashlib
import platform
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import jieba
from flask import Blueprint

import service
from service import resources

blueprint = Blueprint("version", __name__)

JIEBA = Path(jieba.__file__).parent
# jieba's own data, which the keyword stage reads; rjieba compiles the same dict.txt into itself,
# so its version stands for its copy.
JIEBA_DATA = {"jieba/dict.txt": JIEBA / "dict.txt", "jieba/idf.txt": JIEBA / "analyse" / "idf.txt"}


@blueprint.get("/v1/version")
def version() -> dict[str, Any]:
    return _version()


@cache
def _version() -> dict[str, Any]:
    return {
        "service": service.__version__,
        "python": platform.python_version(),
        "libraries": {name: _installed(name) for name in ("jieba", "rjieba", "flask", "marshmallow")},
        "dictionaries": [{"name": name, "sha256": _sha256(path)} for name, path in sorted(_data_files().items())],
    }


def _data_files() -> dict[str, Path]:
    files = {name: path for name, path in JIEBA_DATA.items() if path.is_file()}
    if resources.DATA.is_dir():
        for path in sorted(resources.DATA.rglob("*")):
            if path.is_file() and not path.name.startswith(".") and path.suffix not in {".py", ".pyc"}:
                files[f"service/data/{path.relative_to(resources.DATA).as_posix()}"] = path
    return files


def _installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
