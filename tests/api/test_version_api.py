"""GET /v1/version: the service's, the segmenters' and the dictionaries' versions."""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

import jieba
from flask.testing import FlaskClient

import service
from contract import spec


def test_version_names_the_service_the_segmenters_and_hashes_the_dictionaries(client: FlaskClient) -> None:
    response = client.get("/v1/version")
    assert response.status_code == 200
    version = response.get_json()
    assert version["service"] == service.__version__ == spec()["info"]["version"]
    assert version["libraries"]["jieba"] == metadata.version("jieba")
    assert version["libraries"]["rjieba"] == metadata.version("rjieba")
    dictionaries = {entry["name"]: entry["sha256"] for entry in version["dictionaries"]}
    dict_txt = Path(jieba.__file__).parent / "dict.txt"
    assert dictionaries["jieba/dict.txt"] == hashlib.sha256(dict_txt.read_bytes()).hexdigest()
