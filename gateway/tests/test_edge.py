"""CORS for configured frontend origins and the request body limit."""

from __future__ import annotations

import pytest

from lms.testing.gateway.helpers import assert_problem, bearer

FRONTEND = "https://learn.example"


@pytest.fixture
def cors(make_gateway):
    return make_gateway(LMS_CORS_ORIGINS=f"{FRONTEND}, https://author.example").test_client()


def test_a_preflight_from_an_allowed_origin_is_answered_without_a_token(cors):
    response = cors.options(
        "/api/v1/enrolments",
        headers={
            "Origin": FRONTEND,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == FRONTEND
    assert "Idempotency-Key" in response.headers["Access-Control-Allow-Headers"]
    assert "X-API-Key" in response.headers["Access-Control-Allow-Headers"]
    assert "PATCH" in response.headers["Access-Control-Allow-Methods"]


def test_a_preflight_from_another_origin_is_refused(cors):
    response = cors.options(
        "/api/v1/enrolments",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert_problem(response, 403)
    assert "Access-Control-Allow-Origin" not in response.headers


def test_responses_expose_the_headers_a_frontend_reads(cors):
    response = cors.get("/api/v1/courses/c1", headers={**bearer(), "Origin": FRONTEND})
    assert response.headers["Access-Control-Allow-Origin"] == FRONTEND
    exposed = response.headers["Access-Control-Expose-Headers"]
    assert {"ETag", "X-Request-ID", "RateLimit-Remaining", "Retry-After"} <= {
        h.strip() for h in exposed.split(",")
    }
    assert "Origin" in response.headers["Vary"]


def test_a_body_over_the_limit_is_a_413_problem(make_gateway):
    client = make_gateway(LMS_GATEWAY_MAX_BODY="1024").test_client()
    response = client.post(
        "/api/v1/courses",
        data=b"x" * 2048,
        headers={**bearer("a", "author"), "Content-Type": "application/json"},
    )
    assert_problem(response, 413)
    small = client.post("/api/v1/courses", json={"slug": "s", "title": "t"}, headers=bearer("a", "author"))
    assert small.status_code == 201


def test_a_refusal_is_readable_by_the_frontend_so_it_can_show_the_problem(cors):
    response = cors.get("/api/v1/enrolments", headers={"Origin": FRONTEND})
    assert_problem(response, 401)
    assert response.headers["Access-Control-Allow-Origin"] == FRONTEND


def test_bearer_tokens_need_no_credentials_mode_and_any_origin_never_comes_with_credentials(make_gateway):
    anyone = make_gateway(LMS_CORS_ORIGINS="*").test_client()
    preflight = anyone.options(
        "/api/v1/courses",
        headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://elsewhere.example"
    assert "Access-Control-Allow-Credentials" not in preflight.headers
    reply = anyone.get("/api/v1/courses/c1", headers={**bearer(), "Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Credentials" not in reply.headers
    assert "Origin" in reply.headers["Vary"]


def test_no_origin_is_allowed_unless_configured(make_gateway):
    closed = make_gateway().test_client()
    response = closed.options(
        "/api/v1/courses", headers={"Origin": "https://learn.example", "Access-Control-Request-Method": "GET"}
    )
    assert_problem(response, 403)
    assert "Access-Control-Allow-Origin" not in response.headers
