"""Keys and scopes. SCIM through the gateway: an identity provider sends its API key as a bearer
token; the key needs the `scim` scope, and the service receives the gateway's internal token, never
the key. A key may have scopes and no roles: it then reaches its scopes' routes and nothing else.
Scopes count only in the gateway's own tokens, never in an outside issuer's `scope`/`scp`."""

from __future__ import annotations

import jwt
import pytest

from lms.gateway import scopes
from lms.testing.gateway.helpers import GATEWAY_PUBLIC_PEM, JWT, assert_problem, bearer

ADMIN = bearer("root", "admin")
SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"


def assert_scim_error(response, status: int) -> dict:
    """On /scim/v2 the gateway's own refusals are SCIM Error messages (see test_scim_errors.py)."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/scim+json"
    body = response.get_json(force=True)
    assert (body["schemas"], body["status"]) == ([SCIM_ERROR], str(status))
    return body


def create_key(client, granted: list[str], roles: tuple[str, ...] = ("hr",)) -> str:
    body = {"name": "entra-id", "roles": list(roles), "scopes": granted}
    response = client.post("/api/v1/api-keys", json=body, headers=ADMIN)
    assert response.status_code == 201, response.get_data(as_text=True)
    assert response.get_json()["scopes"] == granted
    return response.get_json()["key"]


def test_a_scim_key_as_a_bearer_reaches_the_people_service_as_an_internal_token(client, upstreams):
    key = create_key(client, ["scim"])
    response = client.get("/scim/v2/Users?count=1", headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["scope"] == "scim"
    assert response.get_json()["iss"] == "lms-gateway"
    forwarded = upstreams.seen("people", "/scim/v2/Users")[-1]["Authorization"].split()[1]
    assert key not in forwarded
    claims = jwt.decode(forwarded, GATEWAY_PUBLIC_PEM, algorithms=["EdDSA"], audience=JWT.audience)
    assert claims["scope"] == "scim"


@pytest.mark.parametrize("granted", [[], ["metrics"]])
def test_a_key_without_the_scim_scope_is_refused_and_nothing_reaches_the_service(client, upstreams, granted):
    key = create_key(client, granted)
    before = len(upstreams.seen("people", "/scim/v2/Users"))
    for headers in ({"Authorization": f"Bearer {key}"}, {"X-API-Key": key}):
        body = assert_scim_error(
            client.post("/scim/v2/Users", json={"userName": "eve"}, headers=headers), 403
        )
        assert "scim" in body["detail"]
    assert len(upstreams.seen("people", "/scim/v2/Users")) == before
    assert client.get("/api/v1/completions", headers={"Authorization": f"Bearer {key}"}).status_code == 200


def test_an_unknown_or_revoked_bearer_key_is_a_401(client, upstreams):
    before = len(upstreams.seen("people", "/scim/v2/Users"))
    response = client.get("/scim/v2/Users", headers={"Authorization": "Bearer lms_00000000_guess"})
    assert_scim_error(response, 401)
    assert 'error="invalid_key"' in response.headers["WWW-Authenticate"]
    assert len(upstreams.seen("people", "/scim/v2/Users")) == before


def test_scopes_are_checked_when_a_key_is_created(client):
    before = client.get("/api/v1/api-keys", headers=ADMIN).get_json()
    body = {"name": "x", "roles": ["hr"], "scopes": ["root"]}
    errors = assert_problem(client.post("/api/v1/api-keys", json=body, headers=ADMIN), 422)["errors"]
    assert "scopes" in errors
    assert client.get("/api/v1/api-keys", headers=ADMIN).get_json() == before


def test_a_scim_only_key_reaches_scim_and_nothing_else(client, upstreams):
    key = create_key(client, ["scim"], roles=())
    auth = {"Authorization": f"Bearer {key}"}
    found = client.get("/scim/v2/Users?count=1", headers=auth)
    assert found.status_code == 200, found.get_data(as_text=True)
    assert found.get_json()["scope"] == "scim"
    before = {path: len(upstreams.seen(service, path)) for service, path in ELSEWHERE}
    for method, path in [("GET", "/api/v1/courses"), ("GET", "/api/v1/completions"),
                         ("POST", "/api/v1/enrolments"), ("GET", "/api/v1/api-keys")]:  # fmt: skip
        for headers in (auth, {"X-API-Key": key}):
            refused = assert_problem(client.open(path, method=method, json={}, headers=headers), 403)
            assert "scim" in refused["detail"]
    assert {path: len(upstreams.seen(service, path)) for service, path in ELSEWHERE} == before


ELSEWHERE = [("curriculum", "/api/v1/courses"), ("progress", "/api/v1/completions"),
             ("progress", "/api/v1/enrolments")]  # fmt: skip


def test_a_key_needs_a_role_or_a_scope(client):
    before = client.get("/api/v1/api-keys", headers=ADMIN).get_json()
    body = {"name": "nothing", "roles": [], "scopes": []}
    assert "roles" in assert_problem(client.post("/api/v1/api-keys", json=body, headers=ADMIN), 422)["errors"]
    assert client.get("/api/v1/api-keys", headers=ADMIN).get_json() == before


def test_a_scope_in_an_outside_token_grants_nothing(client):
    outsider = bearer("mallory", "learner", extra={"scope": "metrics scim", "scp": ["metrics", "scim"]})
    assert_problem(client.get("/metrics", headers=outsider), 403)
    assert set(client.get("/readyz", headers=outsider).get_json()) == {"status"}
    assert set(client.get("/healthz", headers=outsider).get_json()) == {"status"}


def test_a_scope_added_to_the_table_opens_its_routes_and_methods_only(client, upstreams, monkeypatch):
    """The rule reads the table: a read-only scope is a row of it, and needs no new code."""
    reading = scopes.Scope("courses:read", "read the catalogue", (scopes.Route("/api/v1/courses", ("GET",)),))
    monkeypatch.setattr(scopes, "SCOPES", (*scopes.SCOPES, reading))
    store = client.application.extensions["lms.gateway"].keys
    _record, key = store.create("catalogue-reader", [], "root", ["courses:read"])
    auth = {"X-API-Key": key}
    assert client.get("/api/v1/courses", headers=auth).status_code == 200
    before = [len(upstreams.seen(*where)) for where in ELSEWHERE]
    assert_problem(client.post("/api/v1/courses", json={"slug": "s", "title": "t"}, headers=auth), 403)
    assert_problem(client.get("/api/v1/enrolments", headers=auth), 403)
    assert_scim_error(client.get("/scim/v2/Users", headers=auth), 403)
    assert [len(upstreams.seen(*where)) for where in ELSEWHERE] == before, "nothing was forwarded"
