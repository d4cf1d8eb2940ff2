"""`wenji process`: the service's documents with no server; `wenji serve`: the server."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from conftest import ROOT, SEEDS, read_seed, seed_names
from servers import free_port, wait_ready
from service.cli import main


def _service_document(client: FlaskClient, name: str, query: str = "") -> dict:
    response = client.post(f"/v1/documents{query}", data={"file": (io.BytesIO(read_seed(name)), name)})
    assert response.status_code == 200
    return response.get_json()


def test_jsonl_over_the_seeds_is_the_services_json_per_document(client: FlaskClient, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    assert main(["process", str(SEEDS), "--out", str(out), "--jobs", "2"]) == 0
    results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(result["filename"]).name for result in results] == seed_names()  # every seed, in order
    for result in results:
        name = Path(result["filename"]).name
        assert result["status"] == 200
        assert result["document"] == _service_document(client, name), name


def test_options_and_fields_are_the_apis(client: FlaskClient, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    name = seed_names()[1]
    argv = ["process", str(SEEDS / name), "--out", str(out), "--keywords", "3", "--summary", "1"]
    assert main([*argv, "--keywords-method", "textrank", "--fields", "text,keywords,summary"]) == 0
    (result,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    query = "?keywords=3&summary=1&keywords_method=textrank&fields=text,keywords,summary"
    assert result["document"] == _service_document(client, name, query)


def test_a_failed_file_is_on_stderr_in_the_output_and_in_the_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text("6月6日，国家市场监督管理总局召开动员部署会。", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / ".hidden.txt").write_bytes(b"")  # left out, as a folder's dot files are
    out = tmp_path / "results.json"  # the suffix picks the format
    status = main(["process", str(folder), str(tmp_path / "missing.txt"), "--out", str(out), "--jobs", "1"])
    assert status == 1
    results = json.loads(out.read_text(encoding="utf-8"))
    assert [(Path(r["filename"]).name, r["status"]) for r in results] == [
        ("empty.txt", 422),
        ("good.txt", 200),
        ("missing.txt", 404),
    ]
    assert results[0]["problem"]["type"].endswith("/empty-document")
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 2 and "empty.txt" in errors[0] and "missing.txt" in errors[1]


def test_csv_and_text_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = seed_names()[:2]
    assert main(["process", *(str(SEEDS / name) for name in names), "--format", "csv", "-j", "1"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [Path(row["filename"]).name for row in rows] == names
    assert all(row["status"] == "200" and row["title"] and not row["problem"] for row in rows)

    single = tmp_path / "article.txt"
    assert main(["process", str(SEEDS / names[0]), "--out", str(single)]) == 0
    # One file: just its text, as `curl -H 'Accept: text/plain'` gives it.
    assert single.read_text(encoding="utf-8").startswith("6月6日，国家市场监督管理总局")

    assert main(["process", *(str(SEEDS / name) for name in names), "--format", "text", "-j", "1"]) == 0
    assert capsys.readouterr().out.count("==> ") == 2


def test_bad_options_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["process", str(SEEDS), "--keywords", "99"]) == 2
    assert main(["process", str(SEEDS), "--fields", "body"]) == 2
    assert "body" in capsys.readouterr().err


def _cli(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's service, wherever the cwd
    return subprocess.run(
        [sys.executable, "-m", "service.cli", *args], env=environment, capture_output=True, text=True, **kwargs
    )


def test_piped_there_is_no_progress_bar_and_stdout_is_the_results() -> None:
    finished = _cli("process", str(SEEDS), "--jobs", "2", timeout=120)
    assert finished.returncode == 0, finished.stderr
    assert finished.stderr == ""  # stderr is a pipe here, not a terminal: no bar
    assert len(finished.stdout.splitlines()) == len(seed_names())


def test_progress_can_be_forced_on_stderr() -> None:
    finished = _cli("process", str(SEEDS / seed_names()[0]), "--progress", timeout=120)
    assert finished.returncode == 0
    assert "1/1" in finished.stderr


@pytest.mark.server
def test_serve_starts_gunicorn_with_the_shipped_config(tmp_path: Path) -> None:
    port = free_port()
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--port", str(port), "--workers", "1"],
        cwd=tmp_path,  # serve finds gunicorn.conf.py in the checkout, not in the working directory
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_ready(f"http://127.0.0.1:{port}")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/version", timeout=5) as response:
            assert json.load(response)["service"]
    finally:
        process.terminate()
        process.wait(timeout=30)
