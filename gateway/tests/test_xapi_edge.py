"""The record store through the gateway: /xapi routes to records, xAPI clients authenticate with
HTTP Basic (an API key's prefix and the key), the version header is checked before credentials,
and every answer under /xapi names its xAPI version."""

from __future__ import annotations

import base64
from urllib.parse import urlencode

import jwt
import pytest

from lms.testing.gateway.helpers import GATEWAY_PUBLIC_PEM, JWT, assert_problem, bearer

ADMIN = bearer("root", "admin")
V1 = {"X-Experience-API-Version": "1.0.3"}


def create_key(client, scopes: list[str]) -> tuple[str, str]:
    body = {"name": "hr-analytics", "roles": ["learner"], "scopes": scopes}
    created = client.post("/api/v1/api-keys", json=body, headers=ADMIN)
    assert created.status_code == 201, created.get_data(as_text=True)
    return created.get_json()["key_prefix"], created.get_json()["key"]


def basic(user: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


@pytest.mark.parametrize("scope", ["xapi", "xapi:read", "xapi:write"])
def test_basic_credentials_of_an_xapi_key_reach_the_record_store_as_the_gateways_token(
    client, upstreams, scope
):
    prefix, key = create_key(client, [scope])
    response = client.get("/xapi/statements?limit=1", headers={**V1, **basic(prefix, key)})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["scope"] == scope
    assert response.headers["X-Experience-API-Version"] == "1.0.3"
    forwarded = upstreams.seen("records", "/xapi/statements")[-1]
    token = forwarded["Authorization"].split()[1]
    assert key not in token
    claims = jwt.decode(token, GATEWAY_PUBLIC_PEM, algorithms=["EdDSA"], audience=JWT.audience)
    assert claims["sub"].startswith("apikey:")
    assert forwarded["X-Experience-Api-Version"] == "1.0.3"


def test_a_request_without_a_version_header_is_a_400_before_its_credentials_are_looked_at(client, upstreams):
    before = len(upstreams.seen("records", "/xapi/agents/profile"))
    response = client.put("/xapi/agents/profile?profileId=p", json={"a": 1})
    assert_problem(response, 400)
    assert response.headers["X-Experience-API-Version"] == "2.0.0"
    response = client.get("/xapi/statements", headers={"X-Experience-API-Version": "0.9"})
    assert_problem(response, 400)
    assert len(upstreams.seen("records", "/xapi/agents/profile")) == before


@pytest.mark.parametrize(
    "authorization",
    [
        basic("foo", "bar"),
        basic("lms_00000000", "lms_00000000_guess"),
        {"Authorization": "Basic not-base64!"},
        {"Authorization": "Basic:" + base64.b64encode(b"a:b").decode()},
    ],
    ids=["unknown-user", "unknown-key", "not-base64", "malformed"],
)
def test_bad_basic_credentials_are_a_401_that_offers_basic_and_names_the_version(
    client, upstreams, authorization
):
    before = len(upstreams.seen("records", "/xapi/statements"))
    response = client.get("/xapi/statements", headers={**V1, **authorization})
    assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Basic")
    assert response.headers["X-Experience-API-Version"] == "1.0.3"
    assert len(upstreams.seen("records", "/xapi/statements")) == before


def test_a_key_of_another_user_name_is_refused(client):
    prefix, _ = create_key(client, ["xapi"])
    _, other = create_key(client, ["xapi"])
    assert_problem(client.get("/xapi/statements", headers={**V1, **basic(prefix, other)}), 401)


@pytest.mark.parametrize("scopes", [[], ["scim"]])
def test_a_key_without_an_xapi_scope_is_refused_and_nothing_reaches_the_record_store(
    client, upstreams, scopes
):
    prefix, key = create_key(client, scopes)
    before = len(upstreams.seen("records", "/xapi/statements"))
    body = assert_problem(client.get("/xapi/statements", headers={**V1, **basic(prefix, key)}), 403)
    assert "xapi" in body["detail"]
    assert len(upstreams.seen("records", "/xapi/statements")) == before


def test_the_alternate_request_syntax_authenticates_with_the_credentials_of_its_form(client, upstreams):
    prefix, key = create_key(client, ["xapi"])
    form = {**basic(prefix, key), "X-Experience-API-Version": "1.0.3", "statementId": "x", "content": "{}"}
    response = client.post(
        "/xapi/statements?method=PUT",
        data=urlencode(form),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["scope"] == "xapi"
    assert response.headers["X-Experience-API-Version"] == "1.0.3"


def test_about_is_public_and_needs_no_version(client, upstreams):
    response = client.get("/xapi/about")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json() == {"sub": None}
    assert response.headers["X-Experience-API-Version"] == "2.0.0"
    assert "Authorization" not in upstreams.seen("records", "/xapi/about")[-1]
