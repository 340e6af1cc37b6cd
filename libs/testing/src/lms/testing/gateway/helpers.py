"""Tokens and assertions the gateway's tests share."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings

JWT = JwtSettings(secret="gateway-tests-secret-gateway-tests-secret")  # noqa: S106 (tests only)
GATEWAY_KEY = ed25519.Ed25519PrivateKey.generate()  # the tests' gateways sign internal tokens with it
GATEWAY_PUBLIC_PEM = (
    GATEWAY_KEY.public_key()
    .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    .decode()
)
GATEWAY_ISSUER = JwtSettings(None, "lms-gateway", JWT.audience, ("EdDSA",), GATEWAY_PUBLIC_PEM)
SERVICE_JWT = replace(JWT, trusted=(GATEWAY_ISSUER,))  # what a service behind the gateway verifies


def write_gateway_key(path: Path) -> Path:
    """The tests' gateway signing key as the PEM file `LMS_GATEWAY_SIGNING_KEY` names."""
    path.write_bytes(
        GATEWAY_KEY.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return path


def bearer(sub: str = "alice", *roles: str, jwt: JwtSettings = JWT, **kwargs: Any) -> dict[str, str]:
    """An Authorization header for `sub` with `roles` (default: learner)."""
    return {"Authorization": "Bearer " + mint_token(jwt, sub, list(roles or ("learner",)), **kwargs)}


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    """The response is an RFC 9457 problem with `status`; returns its body."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    assert body["status"] == status
    assert {"type", "title", "detail"} <= set(body)
    return body
