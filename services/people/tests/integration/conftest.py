"""Fixtures for the people service against real PostgreSQL (and Kafka where events are read)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from flask import Flask
from sqlalchemy import Engine, func, select, text

from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings
from lms.kit.messaging import outbox
from lms.people.definition import DEFINITION
from lms.testing.harness import ServiceHarness, harness_fixture

GATEWAY_KEY = ed25519.Ed25519PrivateKey.generate()  # signs API-key callers' tokens, as the gateway does
GATEWAY = JwtSettings(
    None,
    "lms-gateway",
    "lms",
    ("EdDSA",),
    GATEWAY_KEY.public_key()
    .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    .decode(),
)
JWT = JwtSettings(secret="people-integration-secret-0123456789abcdef", trusted=(GATEWAY,))
USER = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"


class Scim:
    """The Flask test client speaking SCIM as an identity provider: `scim.post("/Users", json=...)`."""

    USER, GROUP, ENTERPRISE, PATCH = USER, GROUP, ENTERPRISE, PATCH

    def __init__(
        self,
        app: Flask,
        roles: tuple[str, ...] = ("scim",),
        claims: dict | None = None,
        sub: str = "idp-entra",
        token: str | None = None,
    ):
        self.app = app
        self.token = token or mint_token(JWT, sub, list(roles), extra=claims)

    def call(self, method: str, path: str, headers: dict | None = None, **kwargs: Any):
        auth = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/scim+json"}
        if "json" in kwargs:
            kwargs["data"] = json.dumps(kwargs.pop("json"))
        return self.app.test_client().open(
            "/scim/v2" + path, method=method, headers={**auth, **(headers or {})}, **kwargs
        )

    def get(self, path: str, **kwargs: Any):
        return self.call("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any):
        return self.call("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any):
        return self.call("PUT", path, **kwargs)

    def patch(self, path: str, operations: list[dict], **kwargs: Any):
        return self.call("PATCH", path, json={"schemas": [PATCH], "Operations": operations}, **kwargs)

    def delete(self, path: str, **kwargs: Any):
        return self.call("DELETE", path, **kwargs)

    def create_user(self, user_name: str, **attributes: Any) -> dict:
        response = self.post(
            "/Users", json={"schemas": [USER, ENTERPRISE], "userName": user_name, **attributes}
        )
        assert response.status_code == 201, response.get_data(as_text=True)
        return response.json

    def create_group(self, name: str, members: list[str] = (), **attributes: Any) -> dict:
        body = {"schemas": [GROUP], "displayName": name, "members": [{"value": m} for m in members]}
        response = self.post("/Groups", json={**body, **attributes})
        assert response.status_code == 201, response.get_data(as_text=True)
        return response.json


harness = harness_fixture(DEFINITION, JWT)


@pytest.fixture
def app(harness: ServiceHarness) -> Flask:
    return harness.app()


@pytest.fixture
def scim(app: Flask) -> Scim:
    return Scim(app)


@pytest.fixture
def caller(app: Flask) -> Callable[..., Scim]:
    """`caller(roles=("hr",), claims={...}, sub=...)`: the SCIM client with another token."""
    return lambda roles=("scim",), claims=None, sub="idp-entra": Scim(app, roles, claims, sub)


def gateway_token(scope: str, roles: tuple[str, ...] = ()) -> str:
    """The token the gateway sends for an API key with these scopes and roles."""
    now = int(time.time())
    claims = {"sub": "apikey:k1", "roles": list(roles), "name": "entra-id", "scope": scope}
    claims |= {"iss": GATEWAY.issuer, "aud": GATEWAY.audience, "iat": now, "exp": now + 300}
    return jwt.encode(claims, GATEWAY_KEY, algorithm="EdDSA")


@pytest.fixture
def key_caller(app: Flask) -> Callable[..., Scim]:
    """`key_caller("scim", roles=())`: the SCIM client as an API key the gateway exchanged."""
    return lambda scope, roles=(): Scim(app, token=gateway_token(scope, roles))


@pytest.fixture
def emitted(harness: ServiceHarness) -> Callable[[str | None], list[dict]]:
    """The payloads in the outbox, of one event type (or all), in the order written."""
    return harness.emitted


@pytest.fixture
def directory_state(engine: Engine) -> Callable[[], tuple]:
    """Everything a refused request must leave as it was: rows, versions, memberships, events."""

    def state() -> tuple:
        with engine.connect() as conn:
            return (
                conn.execute(text("SELECT id, version, resource::text FROM users ORDER BY id")).all(),
                conn.execute(text("SELECT id, version, resource::text FROM teams ORDER BY id")).all(),
                conn.execute(text("SELECT team_id, user_id FROM team_members ORDER BY 1, 2")).all(),
                conn.scalar(select(func.count()).select_from(outbox)),
            )

    return state
