"""Upstreams that hang, are stopped or drop connections become 504, 503 and 502 problems."""

from __future__ import annotations

import io
import json
import logging
import time

import pytest

from lms.kit.web.logs import JsonFormatter
from lms.testing.gateway.helpers import assert_problem, bearer
from lms.testing.servers import dropping, free_port, hanging


def test_an_upstream_that_hangs_is_a_504_within_the_read_timeout(make_gateway):
    with hanging() as url:
        client = make_gateway({"/api/v1/reports": url}, LMS_GATEWAY_READ_TIMEOUT="0.5").test_client()
        started = time.monotonic()
        response = client.get("/api/v1/reports/progress", headers=bearer("hr1", "hr"))
        elapsed = time.monotonic() - started
    body = assert_problem(response, 504)
    assert body["upstream"] == "127.0.0.1:" + url.rsplit(":", 1)[1]
    assert elapsed < 1.5, "no retry after a read timeout, and the timeout holds"


def test_a_stopped_upstream_is_a_503(make_gateway):
    url = f"http://127.0.0.1:{free_port()}"
    client = make_gateway({"/api/v1/reports": url}).test_client()
    assert_problem(client.get("/api/v1/reports/x", headers=bearer()), 503)


@pytest.mark.parametrize(
    ("method", "headers", "attempts"),
    [("GET", {}, 2), ("POST", {}, 1), ("POST", {"Idempotency-Key": "k1"}, 2)],
)
def test_a_dropped_connection_is_retried_once_for_idempotent_requests_only(
    make_gateway, method, headers, attempts
):
    with dropping() as dropper:
        client = make_gateway({"/api/v1/reports": dropper.url}).test_client()
        response = client.open("/api/v1/reports/x", method=method, headers={**bearer(), **headers}, json={})
        assert_problem(response, 502)
        assert dropper.connections == attempts


def test_large_exports_stream_through_unbuffered(client):
    response = client.get("/api/v1/completions.csv?rows=20000", headers=bearer("hr1", "hr"), buffered=False)
    assert response.status_code == 200
    assert response.is_streamed
    assert "Content-Length" not in response.headers
    chunks = list(response.response)
    assert len(chunks) > 1, "delivered in pieces, not as one buffered body"
    body = b"".join(chunks)
    assert body.count(b"\n") == 20_001
    assert response.mimetype == "text/csv"


def test_the_gateway_makes_every_request_id_and_logs_the_clients_own_apart(client, upstreams):
    lines = io.StringIO()
    handler = logging.StreamHandler(lines)
    handler.setFormatter(JsonFormatter("gateway"))
    requests_log = logging.getLogger("lms.gateway.requests")
    requests_log.addHandler(handler)
    requests_log.setLevel(logging.INFO)
    try:
        sent = client.get("/api/v1/enrolments", headers={**bearer(), "X-Request-ID": "req-abc-123"})
    finally:
        requests_log.removeHandler(handler)
    ours = sent.headers["X-Request-ID"]
    assert ours != "req-abc-123"
    assert upstreams.seen("progress", "/api/v1/enrolments")[-1]["X-Request-Id"] == ours
    logged = json.loads(lines.getvalue().splitlines()[-1])
    assert (logged["request_id"], logged["client_request_id"]) == (ours, "req-abc-123")
    created = client.get("/api/v1/enrolments", headers=bearer())
    assert len(created.headers["X-Request-ID"]) == 32
    assert (
        upstreams.seen("progress", "/api/v1/enrolments")[-1]["X-Request-Id"]
        == created.headers["X-Request-ID"]
    )
    failed = client.get("/api/v1/enrolments", headers={"X-Request-ID": "req-401"})
    assert failed.status_code == 401
    assert len(failed.headers["X-Request-ID"]) == 32


def test_forwarding_headers_are_set_and_hop_by_hop_ones_dropped(client, upstreams):
    client.get(
        "/api/v1/enrolments",
        headers={**bearer(), "X-Forwarded-For": "203.0.113.7", "Keep-Alive": "timeout=5"},
    )
    seen = upstreams.seen("progress", "/api/v1/enrolments")[-1]
    assert seen["X-Forwarded-For"] == "203.0.113.7, 127.0.0.1"
    assert seen["X-Forwarded-Proto"] == "http"
    assert "Keep-Alive" not in seen


def test_unrouted_paths_are_404_problems(client):
    assert_problem(client.get("/api/v1/nowhere", headers=bearer()), 404)
