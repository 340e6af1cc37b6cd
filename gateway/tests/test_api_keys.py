"""API keys: an admin creates one (shown once, stored hashed); it works until it is revoked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import jwt

from lms.testing.gateway.helpers import GATEWAY_PUBLIC_PEM, JWT, assert_problem, bearer

ADMIN = bearer("root", "admin")


def create_key(client, name: str = "hr-sync", roles: tuple[str, ...] = ("hr",)) -> dict:
    response = client.post("/api/v1/api-keys", json={"name": name, "roles": list(roles)}, headers=ADMIN)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def test_a_created_key_is_shown_once_and_stored_only_as_a_hash(client, gateway):
    created = create_key(client)
    assert created["key"].startswith(f"lms_{created['id'][:8]}_")
    assert created["roles"] == ["hr"]
    listed = client.get("/api/v1/api-keys", headers=ADMIN).get_json()
    mine = next(k for k in listed if k["id"] == created["id"])
    assert "key" not in mine
    assert "key_hash" not in mine
    path = gateway.extensions["lms.settings"].database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        dump = "\n".join(db.iterdump())
    assert created["key"] not in dump


def test_a_key_is_exchanged_for_an_internal_jwt_the_service_accepts(client, upstreams):
    created = create_key(client, roles=("hr",))
    response = client.get("/api/v1/completions", headers={"X-API-Key": created["key"]})
    assert response.status_code == 200, response.get_data(as_text=True)
    seen = upstreams.seen("progress", "/api/v1/completions")[-1]
    assert "X-Api-Key" not in seen
    token = seen["Authorization"].split()[1]
    claims = jwt.decode(token, GATEWAY_PUBLIC_PEM, algorithms=["EdDSA"], audience=JWT.audience)
    assert jwt.get_unverified_header(token)["alg"] == "EdDSA", "signed with the gateway's own key"
    assert claims["iss"] == "lms-gateway"
    assert claims["sub"] == f"apikey:{created['id']}"
    assert claims["roles"] == ["hr"]
    assert claims["exp"] - claims["iat"] <= 300


def test_a_revoked_key_stops_working_at_once(client):
    created = create_key(client)
    key = {"X-API-Key": created["key"]}
    assert client.get("/api/v1/completions", headers=key).status_code == 200
    assert client.delete(f"/api/v1/api-keys/{created['id']}", headers=ADMIN).status_code == 204
    assert_problem(client.get("/api/v1/completions", headers=key), 401)
    listed = client.get("/api/v1/api-keys", headers=ADMIN).get_json()
    assert next(k for k in listed if k["id"] == created["id"])["revoked_at"]


def test_revocation_reaches_other_workers_sharing_the_database(make_gateway):
    first = make_gateway()
    second = make_gateway(
        database=Path(first.extensions["lms.settings"].database_url.removeprefix("sqlite:///"))
    )
    created = create_key(first.test_client())
    key = {"X-API-Key": created["key"]}
    assert second.test_client().get("/api/v1/completions", headers=key).status_code == 200
    first.test_client().delete(f"/api/v1/api-keys/{created['id']}", headers=ADMIN)
    assert_problem(second.test_client().get("/api/v1/completions", headers=key), 401)


def test_an_unknown_key_is_a_401_and_the_roles_of_the_key_apply(client):
    assert_problem(client.get("/api/v1/completions", headers={"X-API-Key": "lms_00000000_nope"}), 401)
    learner_key = create_key(client, name="kiosk", roles=("learner",))
    assert_problem(client.get("/api/v1/completions", headers={"X-API-Key": learner_key["key"]}), 403)


def test_invalid_requests_are_problems(client):
    body = assert_problem(
        client.post("/api/v1/api-keys", json={"name": "", "roles": ["wizard"]}, headers=ADMIN), 422
    )
    assert {"name", "roles"} <= set(body["errors"])
    assert_problem(client.delete("/api/v1/api-keys/no-such-key", headers=ADMIN), 404)
