"""/metrics in one process (the default registry): counters and histograms rise with requests.

The same over a real gunicorn with two workers, summed across them, is in test_server_interfaces.py.
"""

from __future__ import annotations

import io

from flask.testing import FlaskClient

from conftest import read_seed, seed_names
from metric_samples import parse, value

SEED = seed_names()[0]


def test_counters_rise_after_requests(client: FlaskClient) -> None:
    before = parse(client.get("/metrics").get_data(as_text=True))
    for _ in range(3):
        client.post("/v1/documents", data={"file": (io.BytesIO(read_seed(SEED)), SEED)}, buffered=True)
    client.post("/v1/documents", data=b"", content_type="text/plain", buffered=True)
    client.get("/no/such/page", buffered=True)
    response = client.get("/metrics")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    after = parse(response.get_data(as_text=True))

    def rise(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    route = {"method": "POST", "endpoint": "/v1/documents"}
    assert rise("wenji_http_requests_total", **route, status="200") == 3
    assert rise("wenji_http_requests_total", **route, status="422") == 1
    assert rise("wenji_http_requests_total", method="GET", endpoint="unmatched", status="404") == 1
    assert rise("wenji_http_request_duration_seconds_count", **route) == 4
    assert rise("wenji_documents_total", outcome="ok") == 3
    assert rise("wenji_documents_total", outcome="empty-document") == 1
    assert rise("wenji_document_bytes_total") == 3 * len(read_seed(SEED))
    assert rise("wenji_stage_duration_seconds_count", stage="segmenting") == 3
