"""The benchmark's code keeps working: it imports, its parts run, the load generator loads a real server.

Nothing here is timed: speed is measured by `make bench`, never asserted in the test suite.
"""

from __future__ import annotations

import io
import json
import os
import time
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from bench import floor, loadgen, naive, run
from bench.loadgen import LoadResult, Record, post_request, run_load, seed_bodies, start_load
from bench.servers import memory_of, smaps_rollup
from servers import gunicorn


def test_synthetic_inputs_are_the_size_asked_and_made_of_the_seeds_sentences() -> None:
    text = run.synthetic_text(seed_bodies(), 10 * 1024)
    assert 10 * 1024 - 4 <= len(text.encode("utf-8")) <= 10 * 1024
    assert "\n" in text and "。" in text
    assert run.synthetic_text(seed_bodies(), 10 * 1024) == text  # the same input every run


def test_the_naive_reference_processes_a_seed_and_serves_it() -> None:
    name, body = seed_bodies()[0]
    result = naive.process(body)
    assert result["keywords"] and result["words"] > 100
    client = naive.create_app().test_client()
    response = client.post("/v1/documents", data={"file": (io.BytesIO(body), name)})
    assert response.status_code == 200
    assert response.get_json()["keywords"]


def test_the_floor_service_cleans_and_segments_as_wenji_does_and_nothing_more(client: FlaskClient) -> None:
    name, body = seed_bodies()[0]
    answer = floor.create_app().test_client().post("/v1/documents", data={"file": (io.BytesIO(body), name)})
    assert answer.status_code == 200
    document = client.post("/v1/documents", data={"file": (io.BytesIO(body), name)}).get_json()
    assert answer.get_json()["text"] == document["text"]
    assert answer.get_json()["title"] == document["metadata"]["title"]
    assert answer.get_json()["words"] > 100
    assert set(answer.get_json()) == {"title", "text", "words"}


# fmt: off
RESPONSES = [
    (b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", (200, True)),
    (b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok", None),
    (b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", (200, False)),
    (b"HTTP/1.1 422 Unprocessable\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", (422, True)),
    (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n", None),
]
# fmt: on


@pytest.mark.parametrize(("response", "expected"), RESPONSES)
def test_the_load_generator_knows_when_a_response_is_whole(response: bytes, expected: tuple[int, bool] | None) -> None:
    assert loadgen._parse(bytearray(response), eof=False) == expected


def test_the_load_generator_reads_retry_after() -> None:
    response = bytearray(b"HTTP/1.1 503 Service Unavailable\r\nretry-after: 5\r\nContent-Length: 0\r\n\r\n")
    assert loadgen._retry_after(response) == "5"
    assert loadgen._retry_after(bytearray(RESPONSES[0][0])) == ""


def test_the_load_generator_refuses_other_hosts() -> None:
    with pytest.raises(ValueError, match="loopback"):
        run_load("http://192.0.2.1/v1/documents", duration_s=1)


def test_the_bench_reads_memory_from_proc() -> None:
    figures = smaps_rollup(os.getpid())
    assert figures["Rss"] > 0 and figures["Pss"] > 0


@pytest.mark.server
def test_the_load_generator_loads_a_real_gunicorn_for_a_second() -> None:
    with gunicorn(workers=1) as server:
        before = run.server_cpu_s(server)
        result = run_load(f"{server.url}/v1/documents", bodies=seed_bodies(), connections=2, duration_s=1.0)
        assert result.requests > 0
        assert result.errors == 0, result.summary()
        assert set(result.status_counts) == {200}
        assert result.p50_ms <= result.p99_ms <= result.max_ms
        assert run.server_cpu_s(server) > before
        health = run_load(f"{server.url}/healthz", connections=1, duration_s=0.2, max_requests=20)
        assert health.requests == 20 and health.errors == 0
        assert memory_of(server)["processes"].keys() == {"master", "worker 1"}
    merged = loadgen.merge([result, result])
    assert merged.requests == 2 * result.requests
    assert LoadResult.from_dict(result.to_dict()).requests == result.requests


@pytest.mark.server
def test_the_open_loop_holds_to_its_rate_and_records_each_request() -> None:
    rate, seconds = 20.0, 1.0
    started = time.time()
    with gunicorn(workers=1) as server:
        host = server.url.removeprefix("http://")
        raw = [post_request(host, "/v1/documents", seed_bodies()[0][1])]  # a raw text/plain upload
        running = start_load(  # from a process of its own, as bench/loadtest.py runs it
            f"{server.url}/v1/documents", raw_requests=raw, connections=2, duration_s=seconds, rate=rate, records=True
        )
        result = running.result(timeout=60)
    assert result.rate == rate
    assert result.errors == 0, result.summary()
    assert 0 < result.requests <= rate * seconds  # an open loop never sends ahead of its schedule
    assert len(result.records) == result.requests
    assert all(record.status == 200 and record.note == "" for record in result.records)
    ends = [record.at for record in result.records]
    assert ends == sorted(ends) and started <= ends[0] and ends[-1] <= time.time()
    assert sorted(record.latency_ms for record in result.records) == result.latencies_ms
    again = LoadResult.from_dict(json.loads(json.dumps(result.to_dict())))
    assert again.records == result.records and isinstance(again.records[0], Record)

    # The server is gone: each attempt is a record of the failure, still at the rate, not in a spin.
    refused = run_load(
        f"{server.url}/v1/documents", raw_requests=raw, connections=2, duration_s=0.5, rate=rate, records=True
    )
    assert 0 < len(refused.records) <= rate * 0.5
    assert {(record.status, record.note) for record in refused.records} == {(0, "ECONNREFUSED")}
    assert refused.errors == len(refused.records) and refused.requests == 0


def test_snapshot_is_the_same_twice_and_has_no_timings(tmp_path: Path) -> None:
    from bench import snapshot

    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert snapshot.main([str(first)]) == 0 and snapshot.main([str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    answers = json.loads(first.read_text(encoding="utf-8"))
    assert len(answers) == 2 * len(snapshot.inputs())
    assert not any("timings" in answer for answer in answers.values())
