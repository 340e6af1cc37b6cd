"""Swap an API key for a short-lived internal JWT, signed with the gateway's own key."""

from __future__ import annotations

import threading
import time

from lms.gateway.apikeys.store import ApiKeyStore
from lms.gateway.signing import Signer
from lms.kit.auth import Principal
from lms.kit.web import Problem

INVALID_KEY = {"WWW-Authenticate": 'ApiKey header="X-API-Key", error="invalid_key"'}


class ApiKeyExchange:
    """Checks the key in the database on every call (revocation is immediate) and caches tokens."""

    def __init__(self, store: ApiKeyStore, signer: Signer, ttl_s: int = 300, renew_before_s: int = 60):
        self.store = store
        self.signer = signer
        self.ttl_s = ttl_s
        self.renew_before_s = min(renew_before_s, ttl_s // 2)
        self._tokens: dict[str, tuple[Principal, str, float]] = {}
        self._lock = threading.Lock()

    def exchange(self, plaintext: str) -> tuple[Principal, str]:
        """The key's principal (its scopes in the `scope` claim) and a bearer token, or a 401 problem."""
        record = self.store.find_active(plaintext)
        if record is None:
            raise Problem(401, "The API key is unknown or revoked.", headers=INVALID_KEY)
        cached = self._tokens.get(record.id)
        if cached and cached[2] - time.time() > self.renew_before_s:
            return cached[0], cached[1]
        scope = {"scope": " ".join(record.scopes)} if record.scopes else {}
        principal = Principal(
            f"apikey:{record.id}", frozenset(record.roles), record.name, scope, frozenset(record.scopes)
        )
        token = self.signer.mint(principal.sub, list(record.roles), record.name, self.ttl_s, scope)
        with self._lock:
            self._tokens[record.id] = (principal, token, time.time() + self.ttl_s)
        return principal, token

    def forget(self, key_id: str) -> None:
        with self._lock:
            self._tokens.pop(key_id, None)
