"""Rate limits: per principal when authenticated, per IP otherwise; 429 problems with headers."""

from __future__ import annotations

import pytest

from lms.testing.gateway.helpers import assert_problem, bearer


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


class CountingLookups:
    """Counts the API-key store's database look-ups (a spy around the real store)."""

    def __init__(self, gateway) -> None:
        store = gateway.extensions["lms.gateway"].keys
        self.count = 0
        real = store.find_active

        def find_active(plaintext: str):
            self.count += 1
            return real(plaintext)

        store.find_active = find_active


def test_unknown_keys_from_one_address_stop_being_looked_up_past_the_anonymous_budget(make_gateway):
    app = make_gateway(LMS_RATE_LIMIT_ANONYMOUS="2/minute")
    lookups = CountingLookups(app)
    client = app.test_client()
    for n in range(2):
        assert_problem(client.get("/api/v1/completions", headers={"X-API-Key": f"lms_guess_{n}"}), 401)
    assert lookups.count == 2
    refused = client.get("/api/v1/completions", headers={"Authorization": "Bearer lms_guess_3"})
    assert_problem(refused, 429)
    assert int(refused.headers["Retry-After"]) >= 1
    assert lookups.count == 2, "refused before the database"
    other_ip = client.get(
        "/api/v1/enrolments", headers=bearer("bob"), environ_base={"REMOTE_ADDR": "192.0.2.7"}
    )
    assert other_ip.status_code == 200


def test_a_keys_spent_budget_is_refused_before_its_look_up(make_gateway):
    app = make_gateway(LMS_RATE_LIMIT_AUTHENTICATED="2/minute")
    admin = app.test_client()
    key = admin.post(
        "/api/v1/api-keys", json={"name": "sync", "roles": ["hr"]}, headers=bearer("root", "admin")
    ).get_json()["key"]
    lookups = CountingLookups(app)
    client = app.test_client()
    assert [client.get("/api/v1/completions", headers={"X-API-Key": key}).status_code for _ in range(2)] == [
        200
    ] * 2
    assert_problem(client.get("/api/v1/completions", headers={"X-API-Key": key}), 429)
    assert lookups.count == 2


@pytest.mark.parametrize(
    ("env", "method", "path", "service"),
    [
        ("LMS_RATE_LIMIT_IMPORT", "POST", "/api/v1/course-packages", "curriculum"),
        ("LMS_RATE_LIMIT_SUBMIT", "POST", "/api/v1/attempts/a1/submit", "assessment"),
        ("LMS_RATE_LIMIT_EXPORT", "GET", "/api/v1/completions.csv", "progress"),
    ],
)
def test_costly_requests_have_a_tighter_budget_of_their_own(
    make_gateway, upstreams, env, method, path, service
):
    client = make_gateway(**{env: "2/minute"}).test_client()
    caller = bearer(f"costly-{env}", "hr", "author", "learner")
    for remaining in ("1", "0"):
        response = client.open(path, method=method, json={}, headers=caller)
        assert response.status_code != 429
        assert response.headers["RateLimit-Remaining"] == remaining
    before = len(upstreams.seen(service, path))
    body = assert_problem(client.open(path, method=method, json={}, headers=caller), 429)
    assert "limit" in body["detail"]
    assert len(upstreams.seen(service, path)) == before, "the refused request was not forwarded"
    assert client.get("/api/v1/enrolments", headers=caller).status_code == 200, "other requests go on"
