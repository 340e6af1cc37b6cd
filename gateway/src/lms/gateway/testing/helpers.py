"""Tokens and assertions the gateway's tests share."""

from __future__ import annotations

from typing import Any

from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings

JWT = JwtSettings(secret="gateway-tests-secret-gateway-tests-secret")  # noqa: S106 (tests only)


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
