"""Bodies an attacker sends, at every service and at the gateway: JSON nested 50,000 levels deep is
a fast 400 (it was a 500), a 6 MB chunked body through the gateway a 413 (it was a 502)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

pytestmark = pytest.mark.integration
DEEP = b"[" * 50_000 + b"]" * 50_000
# one write of each service's own, the role that may call it, and the error shape it answers in
WRITES = {
    "curriculum": ("/api/v1/courses", "author", "application/problem+json"),
    "assessment": ("/api/v1/assessments", "author", "application/problem+json"),
    "progress": ("/api/v1/enrolments", "learner", "application/problem+json"),
    "insights": ("/api/v1/kpis", "hr", "application/problem+json"),
    "people": ("/scim/v2/Users", "admin", "application/scim+json"),
    "records": ("/xapi/statements", "admin", "application/problem+json"),
    "gateway": ("/api/v1/api-keys", "admin", "application/problem+json"),
}


def refused_as_too_deep(response: httpx.Response, content_type: str) -> None:
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith(content_type)
    assert "nested" in response.json()["detail"]


@pytest.mark.parametrize("service", sorted(WRITES))
def test_json_nested_fifty_thousand_deep_is_a_400_at_the_service_and_through_the_gateway(suite, service):
    path, role, content_type = WRITES[service]
    headers = {
        "Authorization": f"Bearer {suite.token(f'deep-{role}', role)}",
        "Content-Type": "application/json",
        "X-Experience-API-Version": "1.0.3",  # the record store's own header (others ignore it)
    }
    direct = suite.url if service == "gateway" else suite.env[f"LMS_{service.upper()}_URL"]
    for base in {direct, suite.url}:
        refused_as_too_deep(
            httpx.post(f"{base}{path}", content=DEEP, headers=headers, timeout=60), content_type
        )


def test_a_six_megabyte_chunked_body_through_the_gateway_is_a_413(suite):
    def chunks() -> Iterator[bytes]:
        yield b'{"slug": "big", "title": "'
        for _ in range(96):
            yield b"x" * 65_536
        yield b'"}'

    headers = {
        "Authorization": f"Bearer {suite.token('big-author', 'author')}",
        "Content-Type": "application/json",
    }
    response = httpx.post(f"{suite.url}/api/v1/courses", content=chunks(), headers=headers, timeout=60)
    assert response.status_code == 413, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    with suite.client("big-author", "author") as author:
        drafts = author.get("/courses", params={"status": "draft", "q": "big"}).json()["items"]
    assert [c for c in drafts if c["slug"] == "big"] == []
