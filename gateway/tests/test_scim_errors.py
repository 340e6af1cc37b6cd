"""Under /scim/v2 every error is a SCIM Error message (RFC 7644 section 3.12) as
`application/scim+json`, the ones the gateway answers itself included: identity providers read
that shape and no other. Elsewhere errors stay problem+json."""

from __future__ import annotations

from lms.testing.gateway.helpers import assert_problem, bearer
from lms.testing.servers import free_port

ADMIN = bearer("root", "admin")
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"


def key(client, scopes: list[str], roles: list[str]) -> dict[str, str]:
    body = {"name": "idp", "roles": roles, "scopes": scopes}
    created = client.post("/api/v1/api-keys", json=body, headers=ADMIN)
    assert created.status_code == 201, created.get_data(as_text=True)
    return {"Authorization": f"Bearer {created.get_json()['key']}"}


def assert_scim_error(response, status: int, scim_type: str | None = None) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/scim+json"
    body = response.get_json(force=True)
    assert body["schemas"] == [ERROR]
    assert body["status"] == str(status)
    assert body["detail"]
    assert body.get("scimType") == scim_type
    return body


def test_the_gateways_401_and_403_on_scim_paths_are_scim_errors(client):
    for method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
        path = "/scim/v2/Users" if method in ("GET", "POST") else "/scim/v2/Users/u1"
        unknown = client.open(path, method=method, json={}, headers={"Authorization": "Bearer lms_0_guess"})
        assert_scim_error(unknown, 401)
        assert unknown.headers["WWW-Authenticate"]
        assert_scim_error(client.open(path, method=method, json={}), 401)
        unscoped = client.open(path, method=method, json={}, headers=key(client, [], ["hr"]))
        assert "scim" in assert_scim_error(unscoped, 403)["detail"]
    assert_problem(client.get("/api/v1/enrolments"), 401)  # elsewhere: problem+json as ever


def test_a_body_over_the_limit_or_nested_too_deep_is_a_scim_error(make_gateway):
    client = make_gateway(LMS_GATEWAY_MAX_BODY="2048").test_client()
    scim = key(client, ["scim"], [])
    big = client.put(
        "/scim/v2/Users/u1", data=b"{}" + b" " * 4096, content_type="application/scim+json", headers=scim
    )
    assert "2048 bytes" in assert_scim_error(big, 413)["detail"]
    deep = client.patch(
        "/scim/v2/Users/u1", data=b"[" * 1000, content_type="application/scim+json", headers=scim
    )
    assert "nested" in assert_scim_error(deep, 400, "invalidSyntax")["detail"]


def test_a_spent_rate_limit_on_scim_paths_is_a_scim_429_with_retry_after(make_gateway):
    client = make_gateway(LMS_RATE_LIMIT_AUTHENTICATED="2/minute").test_client()
    scim = key(client, ["scim"], [])
    for _ in range(2):
        assert client.get("/scim/v2/Users", headers=scim).status_code == 200
    response = client.delete("/scim/v2/Users/u1", headers=scim)
    assert_scim_error(response, 429)
    assert 1 <= int(response.headers["Retry-After"]) <= 60


def test_an_unreachable_people_service_is_a_scim_error(make_gateway):
    client = make_gateway({"/scim/v2": f"http://127.0.0.1:{free_port()}"}).test_client()
    assert_scim_error(client.get("/scim/v2/Users", headers=key(client, ["scim"], [])), 503)
