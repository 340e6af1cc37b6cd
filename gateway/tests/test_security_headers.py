"""What every reply of the gateway carries, whoever wrote it: `nosniff`; on HTML pages (the API
browser, the leader dashboard, any page a service serves) a Content-Security-Policy that forbids
framing, `<base>` and posting forms elsewhere; and HSTS when the public URL is https."""

from __future__ import annotations

import pytest

from lms.testing.gateway.helpers import bearer

REQUIRED = {"frame-ancestors": "'none'", "base-uri": "'none'", "form-action": "'self'"}
HSTS = "Strict-Transport-Security"


def policy(response) -> dict[str, str]:
    """The Content-Security-Policy's directives, by name."""
    header = response.headers.get("Content-Security-Policy", "")
    directives = [d.strip().split(None, 1) for d in header.split(";") if d.strip()]
    return {d[0].lower(): d[1] if len(d) > 1 else "" for d in directives}


def test_every_reply_says_nosniff(make_gateway):
    client = make_gateway(LMS_GATEWAY_MAX_BODY="1024").test_client()
    replies = [
        client.get("/healthz"),
        client.get("/openapi.json"),
        client.get("/docs/swagger-ui-bundle.js"),
        client.get("/api/v1/courses/c1", headers=bearer()),  # proxied, then kept in the cache
        client.get("/api/v1/courses/c1", headers=bearer()),  # served from the cache
        client.get("/api/v1/completions.csv", headers=bearer("hr", "hr")),  # streamed
        client.get("/api/v1/enrolments"),  # 401
        client.post("/api/v1/courses", data=b"x" * 2048, headers=bearer("a", "author")),  # 413
        client.get("/nowhere", headers=bearer()),  # 404
        client.options(
            "/api/v1/enrolments", headers={"Origin": "https://x", "Access-Control-Request-Method": "GET"}
        ),
    ]
    for reply in replies:
        assert reply.headers.get("X-Content-Type-Options") == "nosniff", (reply.status, reply.mimetype)


def test_the_api_browser_forbids_framing_base_and_foreign_forms_and_keeps_its_own_rules(client):
    page = client.get("/docs")
    assert page.mimetype == "text/html"
    directives = policy(page)
    assert {name: directives.get(name) for name in REQUIRED} == REQUIRED
    assert directives["script-src"] == "'self'"  # what Swagger UI needs stays as it was
    assert page.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("path", "kept"),
    [("/dashboard", {"default-src": "'self'", "script-src": "'self'"}), ("/dashboard/help", {})],
)
def test_html_a_service_serves_gets_the_same_rules_added_to_its_own(client, path, kept):
    page = client.get(path, headers=bearer())
    assert page.status_code == 200, page.get_data(as_text=True)
    assert page.mimetype == "text/html"
    directives = policy(page)
    assert {name: directives.get(name) for name in REQUIRED} == REQUIRED
    assert {name: directives.get(name) for name in kept} == kept
    assert page.headers.get_all("Content-Security-Policy") == [page.headers["Content-Security-Policy"]]


def test_a_page_that_allows_framing_is_told_not_to(client):
    page = client.get("/dashboard/help", query_string={"frame": "*"}, headers=bearer())
    assert policy(page)["frame-ancestors"] == "'none'"


def test_json_replies_carry_no_page_policy(client):
    assert "Content-Security-Policy" not in client.get("/api/v1/courses/c1", headers=bearer()).headers


def test_hsts_when_the_public_url_is_https_and_not_otherwise(make_gateway):
    secure = make_gateway(LMS_PUBLIC_URL="https://lms.example.com").test_client()
    for reply in (secure.get("/healthz"), secure.get("/api/v1/enrolments"), secure.get("/docs")):
        assert reply.headers[HSTS].startswith("max-age=31536000")
    plain = make_gateway(LMS_PUBLIC_URL="http://localhost:8080").test_client()
    assert HSTS not in plain.get("/healthz").headers
    assert HSTS not in make_gateway().test_client().get("/healthz").headers


def test_hsts_when_a_trusted_proxy_says_the_request_came_over_https(make_gateway):
    client = make_gateway(LMS_GATEWAY_PROXY_HOPS="1").test_client()
    assert HSTS in client.get("/healthz", headers={"X-Forwarded-Proto": "https"}).headers
    assert HSTS not in client.get("/healthz", headers={"X-Forwarded-Proto": "http"}).headers
