"""Under gunicorn: what the server refuses itself and bodies over the limit are problem+json, and
an oversized chunked body is refused whole (413) without a byte reaching the service."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from lms.testing.gateway.helpers import bearer
from lms.testing.gateway.process import gateway_env, gateway_process

AUTHOR = bearer("ada", "author")


@pytest.fixture
def gateway_url(served_gateway: str) -> str:
    return served_gateway


@pytest.fixture(scope="module")
def default_gateway(upstreams, signing_key: Path, migrated_db: Path, tmp_path_factory) -> Iterator[str]:
    """A gunicorn gateway with the default body limit (5 MiB)."""
    work = tmp_path_factory.mktemp("default-gateway")
    database = Path(shutil.copy(migrated_db, work / "gateway.db"))
    env = gateway_env(upstreams.urls, database, LMS_GATEWAY_SIGNING_KEY=str(signing_key))
    with gateway_process(env, work / "gateway.log") as url:
        yield url


def assert_problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("application/problem+json"), response.text
    body = response.json()
    assert body["status"] == status
    return body


def chunks(total: int, size: int = 256) -> Iterator[bytes]:
    """A JSON course body of about `total` bytes, sent in pieces (httpx then sends it chunked)."""
    body = b'{"slug": "half", "title": "' + b"x" * total + b'"}'
    for start in range(0, len(body), size):
        yield body[start : start + size]


def test_a_url_too_long_for_the_server_is_a_414_problem(gateway_url):
    response = httpx.get(f"{gateway_url}/api/v1/courses?q={'a' * 9000}", headers=AUTHOR)
    body = assert_problem(response, 414)
    assert "too large" in body["detail"].lower()


def test_a_header_too_large_for_the_server_is_a_problem(gateway_url):
    response = httpx.get(f"{gateway_url}/api/v1/courses", headers={**AUTHOR, "X-Padding": "p" * 9000})
    assert_problem(response, 431)


def test_an_oversized_chunked_body_is_a_413_and_the_service_sees_nothing(gateway_url, upstreams):
    before = len(upstreams.seen("curriculum", "/api/v1/courses"))
    response = httpx.post(
        f"{gateway_url}/api/v1/courses",
        content=chunks(4096),
        headers={**AUTHOR, "Content-Type": "application/json"},
    )
    assert_problem(response, 413)
    assert len(upstreams.seen("curriculum", "/api/v1/courses")) == before, "nothing was forwarded"


@pytest.mark.parametrize("content_type", ["application/json", "application/octet-stream"])
def test_a_six_megabyte_chunked_body_is_a_413_and_nothing_is_forwarded(
    default_gateway, upstreams, content_type
):
    before = len(upstreams.seen("curriculum", "/api/v1/courses"))
    response = httpx.post(
        f"{default_gateway}/api/v1/courses",
        content=chunks(6 * 1024 * 1024, size=64 * 1024),
        headers={**AUTHOR, "Content-Type": content_type},
        timeout=60,
    )
    assert "5242880 bytes" in assert_problem(response, 413)["detail"]
    assert len(upstreams.seen("curriculum", "/api/v1/courses")) == before, "nothing was forwarded"


def test_a_chunked_body_within_the_limit_is_forwarded_whole(gateway_url, upstreams):
    response = httpx.post(
        f"{gateway_url}/api/v1/courses",
        content=chunks(500),
        headers={**AUTHOR, "Content-Type": "application/json"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["title"] == "x" * 500
    assert upstreams.seen("curriculum", "/api/v1/courses")[-1]["Content-Length"] == str(
        len(b"".join(chunks(500)))
    )


def test_the_gateway_makes_its_own_request_id_whatever_the_client_sends(gateway_url, upstreams):
    response = httpx.get(f"{gateway_url}/api/v1/courses", headers={**AUTHOR, "X-Request-ID": "forged-id"})
    assert response.status_code == 200
    ours = response.headers["X-Request-ID"]
    assert ours != "forged-id"
    assert upstreams.seen("curriculum", "/api/v1/courses")[-1]["X-Request-Id"] == ours
