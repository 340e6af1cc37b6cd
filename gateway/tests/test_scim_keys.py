"""SCIM through the gateway: an identity provider sends its API key as a bearer token; the key
needs the `scim` scope, and the service receives the gateway's internal token, never the key."""

from __future__ import annotations

import jwt
import pytest

from lms.testing.gateway.helpers import GATEWAY_PUBLIC_PEM, JWT, assert_problem, bearer

ADMIN = bearer("root", "admin")


def create_key(client, scopes: list[str], roles: tuple[str, ...] = ("hr",)) -> str:
    body = {"name": "entra-id", "roles": list(roles), "scopes": scopes}
    response = client.post("/api/v1/api-keys", json=body, headers=ADMIN)
    assert response.status_code == 201, response.get_data(as_text=True)
    assert response.get_json()["scopes"] == scopes
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


@pytest.mark.parametrize("scopes", [[], ["metrics"]])
def test_a_key_without_the_scim_scope_is_refused_and_nothing_reaches_the_service(client, upstreams, scopes):
    key = create_key(client, scopes)
    before = len(upstreams.seen("people", "/scim/v2/Users"))
    for headers in ({"Authorization": f"Bearer {key}"}, {"X-API-Key": key}):
        body = assert_problem(client.post("/scim/v2/Users", json={"userName": "eve"}, headers=headers), 403)
        assert "scim" in body["detail"]
    assert len(upstreams.seen("people", "/scim/v2/Users")) == before
    assert client.get("/api/v1/completions", headers={"Authorization": f"Bearer {key}"}).status_code == 200


def test_an_unknown_or_revoked_bearer_key_is_a_401(client, upstreams):
    before = len(upstreams.seen("people", "/scim/v2/Users"))
    response = client.get("/scim/v2/Users", headers={"Authorization": "Bearer lms_00000000_guess"})
    assert_problem(response, 401)
    assert 'error="invalid_key"' in response.headers["WWW-Authenticate"]
    assert len(upstreams.seen("people", "/scim/v2/Users")) == before


def test_scopes_are_checked_when_a_key_is_created(client):
    before = client.get("/api/v1/api-keys", headers=ADMIN).get_json()
    body = {"name": "x", "roles": ["hr"], "scopes": ["root"]}
    errors = assert_problem(client.post("/api/v1/api-keys", json=body, headers=ADMIN), 422)["errors"]
    assert "scopes" in errors
    assert client.get("/api/v1/api-keys", headers=ADMIN).get_json() == before
