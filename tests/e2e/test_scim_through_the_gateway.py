"""SCIM as an identity provider meets it: through the gateway, with an API key as the bearer.

scim2-tester checks every declared feature there (0 errors, 0 deviations), and every error a SCIM
client can meet, the gateway's own included (401, 403, 404, 413, 429, 400), is a SCIM Error
message (RFC 7644 section 3.12) as `application/scim+json`."""

from __future__ import annotations

import uuid

import httpx
import pytest
from httpx2 import Client
from scim2_client.engines.httpx2 import SyncSCIMClient
from scim2_tester import Status, check_server

pytestmark = pytest.mark.integration
USER = "urn:ietf:params:scim:schemas:core:2.0:User"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
SCIM_JSON = "application/scim+json"
SEARCH = "urn:ietf:params:scim:api:messages:2.0:SearchRequest"
# POST /.search across every resource type at once is not offered: the service answers 501, as
# RFC 7644 section 3.12 allows, and scim2-tester skips that one check (the service's own test too).
NOT_OFFERED = {"search_with_attributes"}


def new_key(suite, scopes: list[str], roles: list[str]) -> str:
    with suite.client("root", "admin") as admin:
        body = {"name": f"idp-{uuid.uuid4().hex[:6]}", "roles": roles, "scopes": scopes}
        created = admin.post("/api-keys", json=body)
    assert created.status_code == 201, created.text
    return created.json()["key"]


@pytest.fixture(scope="module")
def scim_key(suite) -> str:
    return new_key(suite, ["scim"], [])


def scim_error(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(SCIM_JSON), response.text
    body = response.json()
    assert body["schemas"] == [ERROR]
    assert body["status"] == str(status)
    assert body["detail"]
    return body


def test_scim2_tester_through_the_gateway_finds_no_error_and_no_deviation(suite, scim_key):
    headers = {"Authorization": f"Bearer {scim_key}"}
    with Client(base_url=f"{suite.url}/scim/v2", headers=headers, timeout=30) as http:
        results = check_server(SyncSCIMClient(http))
    not_clean = [
        (r.title, r.resource_type, r.status.name, r.reason)
        for r in results
        if r.status not in (Status.SUCCESS, Status.SKIPPED)
    ]
    assert not_clean == []  # no error, no deviation, nothing merely acceptable
    assert {r.title for r in results if r.status == Status.SKIPPED} <= NOT_OFFERED
    assert sum(r.status == Status.SUCCESS for r in results) >= 130


def test_every_error_an_identity_provider_meets_through_the_gateway_is_a_scim_error(suite, scim_key):
    scim = httpx.Client(
        base_url=f"{suite.url}/scim/v2",
        headers={"Authorization": f"Bearer {scim_key}", "Content-Type": SCIM_JSON},
        timeout=60,
    )
    with scim:
        user = scim.post(
            "/Users", json={"schemas": [USER], "userName": f"err-{uuid.uuid4().hex[:6]}@x.example"}
        )
        assert user.status_code == 201, user.text
        path, stale = f"/Users/{user.json()['id']}", {"If-Match": 'W/"999"'}
        replacement = {"schemas": [USER], "userName": user.json()["userName"]}
        scim_error(scim.put(path, json=replacement, headers=stale), 412)  # the service's own
        scim_error(scim.delete(path, headers=stale), 412)
        scim_error(scim.patch(path, content=b'{"Operations": []}'), 400)
        for method in ("PUT", "PATCH", "DELETE"):
            scim_error(scim.request(method, "/Users/no-such-user", json=replacement), 404)
            body = scim_error(scim.request(method, path, content=b"[" * 50_000), 400)
            assert body["scimType"] == "invalidSyntax"
            scim_error(scim.request(method, path, content=b"{}" + b" " * (6 * 1024 * 1024)), 413)
        assert scim.get(path).json()["userName"] == user.json()["userName"], "nothing changed"
    unscoped = {"Authorization": f"Bearer {new_key(suite, [], ['hr'])}"}
    for method in ("GET", "PUT", "PATCH", "DELETE"):
        scim_error(httpx.request(method, f"{suite.url}/scim/v2{path}", headers=unscoped, json={}), 403)
        scim_error(httpx.request(method, f"{suite.url}/scim/v2{path}", json={}), 401)
        guess = {"Authorization": "Bearer lms_00000000_guess"}
        scim_error(httpx.request(method, f"{suite.url}/scim/v2{path}", headers=guess, json={}), 401)


def test_a_scim_only_key_provisions_and_reaches_nothing_else(suite, scim_key):
    key = {"Authorization": f"Bearer {scim_key}"}
    found = httpx.post(
        f"{suite.url}/scim/v2/Users/.search",
        json={"schemas": [SEARCH], "filter": 'userName sw "err-"', "attributes": ["userName"], "count": 5},
        headers=key,
    )
    assert found.status_code == 200, found.text
    assert all(set(user) <= {"id", "userName", "schemas", "meta"} for user in found.json()["Resources"])
    for path in ("/api/v1/completions", "/api/v1/courses", "/api/v1/teams", "/api/v1/api-keys"):
        refused = httpx.get(f"{suite.url}{path}", headers=key)
        assert refused.status_code == 403, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")


def test_an_outside_tokens_scim_scope_grants_nothing(suite):
    outsider = {"Authorization": f"Bearer {suite.token('mallory', 'learner', scope='scim', scp=['scim'])}"}
    created = httpx.post(
        f"{suite.url}/scim/v2/Users",
        json={"schemas": [USER], "userName": "mallory@x.example"},
        headers=outsider,
    )
    scim_error(created, 403)
    listed = httpx.get(f"{suite.url}/scim/v2/Users", headers=outsider)
    scim_error(listed, 403)
