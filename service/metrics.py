"""Prometheus metrics, served at GET /metrics: requests, latency, documents, bytes, stage timings.

Under gunicorn each worker is its own process with its own counters. gunicorn.conf.py points
PROMETHEUS_MULTIPROC_DIR at a fresh directory before the app is loaded, so prometheus-client
keeps every worker's values in files there, and /metrics adds them all up (`child_exit` marks a
dead worker's files). Without that variable (the Flask test client, one process) the default
registry serves.

Labels stay few and bounded: the route template, never the raw path (a scan of random URLs must
not make a new series per URL), and a problem's type, never its detail.
"""

from __future__ import annotations

import os
import time
from functools import cache

from flask import Blueprint, Flask, Response, g, request
from prometheus_client import (
    CONTENT_TYPE_PLAIN_0_0_4,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

from service.errors import Problem
from service.pipeline.article import Article

MULTIPROC_DIR = "PROMETHEUS_MULTIPROC_DIR"

REQUESTS = Counter(
    "wenji_http_requests", "HTTP requests answered, by route and status.", ["method", "endpoint", "status"]
)
LATENCY = Histogram(
    "wenji_http_request_duration_seconds",
    "Time from the request's arrival to the last byte of its answer (a streamed batch included).",
    ["method", "endpoint"],
    # An article takes milliseconds; a batch or a huge page takes seconds.
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
DOCUMENTS = Counter(
    "wenji_documents", "Documents run through the pipeline, by outcome: ok, or the problem's type.", ["outcome"]
)
DOCUMENT_BYTES = Counter("wenji_document_bytes", "Bytes of the uploads processed successfully.")
STAGE_SECONDS = Histogram(
    "wenji_stage_duration_seconds",
    "Time spent in each pipeline stage, per document.",
    ["stage"],
    # Most stages take well under a millisecond; segmenting a long speech takes tens.
    buckets=(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1),
)

blueprint = Blueprint("metrics", __name__)


@blueprint.get("/metrics")
def metrics() -> Response:
    return Response(generate_latest(_registry()), mimetype=CONTENT_TYPE_PLAIN_0_0_4)


def _registry() -> CollectorRegistry:
    if not os.environ.get(MULTIPROC_DIR):
        return REGISTRY
    # A fresh registry per scrape reads every worker's files as they are now.
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


# A labelled series found once and kept: labels() takes a lock and builds a key on every call. The
# label values are the few prometheus-client itself keeps a series for, so this holds no more.
_documents_series = cache(DOCUMENTS.labels)
_requests_series = cache(REQUESTS.labels)
_latency_series = cache(LATENCY.labels)


def observe_document(article: Article) -> None:
    _documents_series("ok").inc()
    DOCUMENT_BYTES.inc(article.source.size)
    stages = _stage_series
    for stage, seconds in article.timings.items():
        series = stages.get(stage)
        if series is None:  # labels() takes a lock and builds a key: once per stage, not per document
            series = stages[stage] = STAGE_SECONDS.labels(stage)
        series.observe(seconds)


_stage_series: dict[str, Histogram] = {}  # the stages are a fixed few (pipeline.STAGES)


def observe_failure(problem: Problem) -> None:
    _documents_series(problem.slug).inc()


def _start_clock() -> None:
    g.metrics_started = time.perf_counter()


def _count(response: Response) -> Response:
    method = request.method
    rule = request.url_rule
    endpoint = rule.rule if rule else "unmatched"
    started = g.get("metrics_started", time.perf_counter())
    status = str(response.status_code)

    # Counted when the server closes the response, so a streamed answer is timed to its end.
    def finished() -> None:
        _requests_series(method, endpoint, status).inc()
        _latency_series(method, endpoint).observe(time.perf_counter() - started)

    response.call_on_close(finished)
    return response


def init_app(app: Flask) -> None:
    app.before_request(_start_clock)
    app.after_request(_count)
    app.register_blueprint(blueprint)
