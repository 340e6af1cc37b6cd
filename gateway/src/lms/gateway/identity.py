"""Who is calling: a bearer JWT (verified here and again by the service) or an API key.

Hooks run in this order: `identify` (never fails: it remembers the principal or the error),
the rate limiter (keyed by the principal, else by IP), then `require` (401 unless public).
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from flask import g, request

from lms.gateway.apikeys.exchange import ApiKeyExchange
from lms.kit.auth import AuthError, Principal, TokenVerifier
from lms.kit.web import Problem

PUBLIC_GET = re.compile(r"^/(healthz|readyz|openapi\.json|docs(/.*)?|api/v1/certificates/[^/]+)$")
INVALID_TOKEN = {"WWW-Authenticate": 'Bearer error="invalid_token"'}
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="lms", ApiKey header="X-API-Key"'}


def is_public(method: str, path: str) -> bool:
    return method in ("GET", "HEAD") and PUBLIC_GET.match(path) is not None


@dataclass
class Caller:
    """The verified principal and the Authorization header to send upstream."""

    principal: Principal
    authorization: str


class VerifiedTokens:
    """Remembers verified tokens (bounded, re-verified after `ttl_s`) so each is checked once."""

    def __init__(self, verifier: TokenVerifier, max_entries: int = 10_000, ttl_s: float = 60.0) -> None:
        self.verifier = verifier
        self.max_entries = max_entries
        self.ttl_s = ttl_s
        self._seen: OrderedDict[str, tuple[Principal, float]] = OrderedDict()
        self._lock = threading.Lock()

    def verify(self, token: str) -> Principal:
        now = time.time()
        hit = self._seen.get(token)
        if hit is not None and hit[1] > now:
            return hit[0]
        principal = self.verifier.verify(token)
        exp = float((principal.claims or {}).get("exp", now)) + self.verifier.settings.leeway_s
        with self._lock:
            self._seen[token] = (principal, min(exp, now + self.ttl_s))
            while len(self._seen) > self.max_entries:
                self._seen.popitem(last=False)
        return principal


class Authenticator:
    """Turns request headers into a `Caller`, or raises a 401 problem."""

    def __init__(self, tokens: VerifiedTokens, keys: ApiKeyExchange) -> None:
        self.tokens = tokens
        self.keys = keys

    def caller(self) -> Caller:
        api_key = request.environ.get("HTTP_X_API_KEY")
        if api_key:
            principal, token = self.keys.exchange(api_key)
            return Caller(principal, f"Bearer {token}")
        header = request.environ.get("HTTP_AUTHORIZATION", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Problem(401, "A bearer token or an API key is required.", headers=CHALLENGE)
        try:
            return Caller(self.tokens.verify(token.strip()), header)
        except AuthError as exc:
            raise Problem(401, f"The bearer token is not valid: {exc}.", headers=INVALID_TOKEN) from None

    def identify(self) -> None:
        """before_request: remember the caller (or why there is none) for the limiter and `require`."""
        try:
            g.caller = self.caller()
            g.principal = g.caller.principal  # what lms.kit.web.current_principal() reads
        except Problem as problem:
            g.auth_problem = problem

    @staticmethod
    def require() -> None:
        """before_request: refuse anonymous callers except on public routes."""
        if "caller" not in g and not is_public(request.method, request.path):
            raise g.auth_problem
