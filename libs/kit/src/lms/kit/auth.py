"""Bearer JWTs: verification (every service and the gateway) and dev-token minting.

Verification pins the algorithms from settings (HS256 with a shared secret in dev and
tests; RS256/ES256 with a public key or a JWKS URL in production), requires `exp`,
`iss`, `aud` and `sub`, and checks issuer and audience. `alg: none` and algorithm
confusion (an HS256 token signed with the RSA public key) fail because the key type and
the pinned algorithms must agree.

Scopes (`Principal.scopes`) come only from tokens of a trusted internal issuer, the gateway,
which writes an API key's scopes into its `scope` claim. An outside issuer's `scope` or `scp`
claim grants nothing here: a client may ask an identity provider for any scope name.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Any

import jwt

from lms.kit.cache import BoundedCache
from lms.kit.config import JwtSettings

ROLES = ("learner", "author", "hr", "admin", "ops")  # ops: a system that feeds KPIs (an API key)


class AuthError(Exception):
    """The request carries no valid token (401)."""


@dataclass(frozen=True)
class Principal:
    """Who is calling."""

    sub: str
    roles: frozenset[str]
    name: str = ""
    claims: dict[str, Any] | None = None
    scopes: frozenset[str] = frozenset()  # granted by the gateway to an API key, never by an IdP

    def has_any(self, *roles: str) -> bool:
        return "admin" in self.roles or bool(self.roles.intersection(roles))


class TokenVerifier:
    """Verifies tokens against one `JwtSettings`; the JWKS client caches keys."""

    def __init__(self, settings: JwtSettings, cache_size: int = 10_000):
        self.settings = settings
        self._verified = BoundedCache[str, Principal](cache_size, clock=time.time)
        self._jwks = jwt.PyJWKClient(settings.jwks_url, cache_keys=True) if settings.jwks_url else None
        if not (settings.secret or settings.public_key or self._jwks):
            raise ValueError(
                "no way to verify tokens: set LMS_JWT_SECRET, LMS_JWT_PUBLIC_KEY or LMS_JWT_JWKS_URL"
            )
        if (
            settings.secret
            and any(not a.startswith("HS") for a in settings.algorithms)
            and not (settings.public_key or self._jwks)
        ):
            raise ValueError("asymmetric algorithms need LMS_JWT_PUBLIC_KEY or LMS_JWT_JWKS_URL")
        self._issuers = {t.issuer: TokenVerifier(t) for t in settings.trusted if t.issuer != settings.issuer}

    def verify(self, token: str) -> Principal:
        """The token's principal, or AuthError saying why it is refused.

        A token that verified once is remembered (a bounded LRU) until it expires: its
        signature, issuer and audience cannot change. An expired one is verified (and refused) again.
        """
        known = self._verified.get(token)
        if known is not None:
            return known
        principal = self._verify(token)
        expires_at = float((principal.claims or {})["exp"]) + self.settings.leeway_s
        self._verified.put(token, principal, expires_at=expires_at)
        return principal

    def _verify(self, token: str) -> Principal:
        issuer = self._issuers.get(_unverified_issuer(token)) if self._issuers else None
        if issuer is not None:  # that issuer's own key and algorithms, nothing of ours
            principal = issuer._verify(token)
            return replace(principal, scopes=_granted_scopes(principal.claims or {}))
        try:
            header = jwt.get_unverified_header(token)
            algorithm = header.get("alg")
            if algorithm not in self.settings.algorithms:
                raise AuthError(f"algorithm {algorithm!r} is not accepted")
            claims = jwt.decode(
                token,
                key=self._key_for(token, algorithm),
                algorithms=[algorithm],
                audience=self.settings.audience,
                issuer=self.settings.issuer,
                leeway=self.settings.leeway_s,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.PyJWTError as exc:
            raise AuthError(str(exc)) from None
        roles = claims.get("roles") or []
        if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
            raise AuthError("claim 'roles' must be a list of strings")
        return Principal(str(claims["sub"]), frozenset(roles), str(claims.get("name") or ""), claims)

    def _key_for(self, token: str, algorithm: str) -> Any:
        if algorithm.startswith("HS"):
            if not self.settings.secret:
                raise AuthError("HMAC tokens are not accepted here")
            return self.settings.secret
        if self._jwks is not None:
            return self._jwks.get_signing_key_from_jwt(token).key
        if self.settings.public_key:
            return self.settings.public_key
        raise AuthError(f"no key for {algorithm}")


def _granted_scopes(claims: dict[str, Any]) -> frozenset[str]:
    """The `scope` claim (space-separated names) of a token the gateway signed."""
    scope = claims.get("scope")
    return frozenset(scope.split()) if isinstance(scope, str) else frozenset()


def _unverified_issuer(token: str) -> str | None:
    """Which issuer a token names (only to choose the key; the signature is checked after)."""
    try:
        issuer = jwt.decode(token, options={"verify_signature": False}).get("iss")
    except jwt.PyJWTError:
        return None
    return issuer if isinstance(issuer, str) else None


def mint_token(
    settings: JwtSettings,
    sub: str,
    roles: list[str] | tuple[str, ...],
    name: str = "",
    ttl_s: int = 8 * 3600,
    extra: dict[str, Any] | None = None,
) -> str:
    """An HS256 token signed with the dev secret (dev, tests and the gateway's key exchange)."""
    if not settings.secret:
        raise ValueError("LMS_JWT_SECRET is not set (make run generates one under .run/)")
    now = int(time.time())
    claims = {
        "sub": sub,
        "roles": list(roles),
        "name": name or sub,
        "iss": settings.issuer,
        "aud": settings.audience,
        "iat": now,
        "exp": now + ttl_s,
        **(extra or {}),
    }
    return jwt.encode(claims, settings.secret, algorithm="HS256")
