"""Who is calling: a bearer JWT (verified here and again by the service) or an API key.

API keys come as `X-API-Key`, as identity providers send them for SCIM as a bearer token
(`Authorization: Bearer lms_…`: a key never looks like a JWT), or as xAPI clients send them in
HTTP Basic (lms.gateway.xapi). Hooks run in this order:
`identify` (no database work: verifies a JWT or notes the key presented), the rate limits
(keyed by principal or key, else IP), `exchange` (the key's database look-up, behind a per-IP
budget for unknown keys), then `require` (401 unless public; a key reaches what its roles and
scopes open, as `lms.gateway.scopes` declares).
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from flask import g, request

from lms.gateway import scopes, xapi
from lms.gateway.apikeys.exchange import ApiKeyExchange
from lms.gateway.apikeys.store import KEY_PREFIX
from lms.kit.auth import AuthError, Principal, TokenVerifier
from lms.kit.web import Problem

PUBLIC_GET = re.compile(
    r"^/(healthz|readyz|openapi\.json|docs(/.*)?|\.well-known/jwks\.json|api/v1/certificates/[^/]+"
    r"|dashboard(/static/[^/]+)?|xapi/about|learn(/.*)?|content/.+)$"
)
PUBLIC_POST = re.compile(r"^/api/v1/cmi5/fetch/[^/]+$")  # a launch's fetch URL: its path is its secret
INVALID_TOKEN = {"WWW-Authenticate": 'Bearer error="invalid_token"'}
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="lms", ApiKey header="X-API-Key"'}


def is_public(method: str, path: str) -> bool:
    if method == "POST":
        return PUBLIC_POST.match(path) is not None
    return method in ("GET", "HEAD") and PUBLIC_GET.match(path) is not None


@dataclass
class Caller:
    """The verified principal and the Authorization header to send upstream."""

    principal: Principal
    authorization: str
    api_key: bool = False


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


def presented_key() -> str | None:
    """The API key of this request, from `X-API-Key` or a bearer that is a key, not a JWT."""
    environ = request.environ
    if key := environ.get("HTTP_X_API_KEY"):
        return key
    scheme, _, token = environ.get("HTTP_AUTHORIZATION", "").partition(" ")
    token = token.strip()
    if scheme.lower() == "bearer" and token.startswith(KEY_PREFIX):
        return token
    return xapi.basic_key() if xapi.under(request.path) else None


class Authenticator:
    """Turns request headers into a `Caller` in `g`, or remembers the 401 problem for `require`."""

    def __init__(self, tokens: VerifiedTokens, keys: ApiKeyExchange, guard: Callable[[bool], None]) -> None:
        self.tokens = tokens
        self.keys = keys
        self.guard = guard  # guard(False) before a key look-up may refuse; guard(True) counts a miss

    def identify(self) -> None:
        """before_request, no database work: verify a bearer JWT, or note the API key presented.

        A launched AU's cmi5 token at /xapi is the record store's to check: it goes through as sent."""
        if xapi.under(request.path) and (session := xapi.session_user()):
            self._remember(Caller(Principal(session, frozenset()), request.environ["HTTP_AUTHORIZATION"]))
            return
        if key := presented_key():
            g.api_key = key
            g.limit_key = "key:" + hashlib.sha256(key.encode()).hexdigest()[:32]
            return
        try:
            self._remember(Caller(self.tokens.verify(self._bearer()), request.environ["HTTP_AUTHORIZATION"]))
        except AuthError as exc:
            g.auth_problem = Problem(401, f"The bearer token is not valid: {exc}.", headers=INVALID_TOKEN)
        except Problem as problem:
            g.auth_problem = problem

    def exchange(self) -> None:
        """before_request, after the rate limits: look the API key up (an unknown one counts per IP)."""
        key = g.pop("api_key", None)
        if key is None:
            return
        self.guard(False)
        try:
            principal, token = self.keys.exchange(key)
        except Problem as problem:
            self.guard(problem.status == 401)
            g.auth_problem = problem
            return
        self._remember(Caller(principal, f"Bearer {token}", api_key=True))

    @staticmethod
    def require() -> None:
        """before_request: refuse anonymous callers except on public routes; keys reach only what
        their roles and scopes open."""
        caller = g.get("caller")
        public = is_public(request.method, request.path)
        if caller is None:
            if not public:
                raise g.auth_problem
            return
        if caller.api_key and (why := scopes.refusal(caller.principal, request.method, request.path, public)):
            raise Problem(403, why)

    @staticmethod
    def _bearer() -> str:
        scheme, _, token = request.environ.get("HTTP_AUTHORIZATION", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Problem(401, "A bearer token or an API key is required.", headers=CHALLENGE)
        return token.strip()

    @staticmethod
    def _remember(caller: Caller) -> None:
        g.caller = caller
        g.principal = caller.principal  # what lms.kit.web.current_principal() reads
        g.limit_key = f"sub:{caller.principal.sub}"
