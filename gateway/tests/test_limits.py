"""Rate limits: per principal when authenticated, per IP otherwise; 429 problems with headers."""

from __future__ import annotations

import pytest

from lms.gateway.testing.helpers import assert_problem, bearer


@pytest.fixture
def limited(make_gateway):
    app = make_gateway(LMS_RATE_LIMIT_AUTHENTICATED="3/minute", LMS_RATE_LIMIT_ANONYMOUS="2/minute")
    return app.test_client()


def test_the_limit_answers_429_with_retry_after_and_ratelimit_headers(limited):
    alice = bearer("alice")
    remaining = [
        limited.get("/api/v1/enrolments", headers=alice).headers["RateLimit-Remaining"] for _ in range(3)
    ]
    assert remaining == ["2", "1", "0"]
    response = limited.get("/api/v1/enrolments", headers=alice)
    body = assert_problem(response, 429)
    assert "3 per 1 minute" in body["detail"]
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert response.headers["RateLimit-Limit"] == "3"
    assert response.headers["RateLimit-Remaining"] == "0"
    assert 1 <= int(response.headers["RateLimit-Reset"]) <= 60


def test_each_principal_has_its_own_budget(limited):
    for _ in range(4):
        limited.get("/api/v1/enrolments", headers=bearer("alice"))
    assert limited.get("/api/v1/enrolments", headers=bearer("bob")).status_code == 200


def test_anonymous_callers_are_limited_per_ip_even_with_invalid_tokens(limited):
    assert limited.get("/api/v1/certificates/C1").status_code == 200
    assert limited.get("/api/v1/certificates/C1", headers={"Authorization": "Bearer junk"}).status_code == 200
    assert_problem(limited.get("/api/v1/enrolments", headers={"Authorization": "Bearer junk"}), 429)
    other_ip = limited.get("/api/v1/certificates/C1", environ_base={"REMOTE_ADDR": "192.0.2.9"})
    assert other_ip.status_code == 200


def test_health_probes_are_never_limited(limited):
    assert all(limited.get("/healthz").status_code == 200 for _ in range(5))
