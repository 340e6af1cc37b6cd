"""Create, list, revoke and look up API keys; only a SHA-256 (or peppered HMAC) hash is kept."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select, update

from lms.gateway.apikeys.db import api_keys

KEY_PREFIX = "lms_"  # a key never looks like a JWT (those start with "eyJ")
PREFIX_LENGTH = len(KEY_PREFIX) + 8  # "lms_" and the first 8 characters of the key's id


def public_prefix(plaintext: str) -> str:
    """The part of a key that is not secret (its `key_prefix`): what HTTP Basic sends as the user."""
    return plaintext[:PREFIX_LENGTH]


@dataclass(frozen=True)
class ApiKey:
    """An API key's record (never its secret)."""

    id: str
    name: str
    roles: tuple[str, ...]
    key_prefix: str
    created_by: str
    created_at: datetime
    revoked_at: datetime | None = None
    scopes: tuple[str, ...] = ()


class ApiKeyStore:
    """API keys in the gateway's database."""

    def __init__(self, engine: Engine, pepper: str | None = None) -> None:
        self.engine = engine
        self.pepper = pepper.encode() if pepper else None

    def create(
        self, name: str, roles: list[str], created_by: str, scopes: list[str] | None = None
    ) -> tuple[ApiKey, str]:
        """A new key and its plaintext, which is shown once and never stored."""
        key_id = str(uuid.uuid4())
        prefix = f"{KEY_PREFIX}{key_id[:8]}"
        assert len(prefix) == PREFIX_LENGTH
        plaintext = f"{prefix}_{secrets.token_urlsafe(32)}"
        scopes = sorted(set(scopes or ()))
        record = ApiKey(
            key_id, name, tuple(roles), prefix, created_by, datetime.now(UTC), None, tuple(scopes)
        )
        row = {**record.__dict__, "roles": list(roles), "scopes": scopes, "key_hash": self.hash(plaintext)}
        with self.engine.begin() as conn:
            conn.execute(insert(api_keys).values(row))
        return record, plaintext

    def list(self) -> list[ApiKey]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(api_keys).order_by(api_keys.c.created_at)).mappings()
            return [_record(row) for row in rows]

    def revoke(self, key_id: str) -> bool:
        """Revoke the key; False when there is no such key (revoking twice is fine)."""
        with self.engine.begin() as conn:
            found = conn.execute(select(api_keys.c.revoked_at).where(api_keys.c.id == key_id)).first()
            if found is None:
                return False
            if found.revoked_at is None:
                stamp = datetime.now(UTC)
                conn.execute(update(api_keys).where(api_keys.c.id == key_id).values(revoked_at=stamp))
        return True

    def find_active(self, plaintext: str) -> ApiKey | None:
        """The key's record when it exists and is not revoked."""
        query = select(api_keys).where(api_keys.c.key_hash == self.hash(plaintext))
        with self.engine.connect() as conn:
            row = conn.execute(query.where(api_keys.c.revoked_at.is_(None))).mappings().first()
        return _record(row) if row else None

    def hash(self, plaintext: str) -> str:
        if self.pepper:
            return hmac.new(self.pepper, plaintext.encode(), hashlib.sha256).hexdigest()
        return hashlib.sha256(plaintext.encode()).hexdigest()


def _record(row: object) -> ApiKey:
    data = dict(row)  # type: ignore[call-overload]
    data.pop("key_hash")
    return ApiKey(**{**data, "roles": tuple(data["roles"]), "scopes": tuple(data.get("scopes") or ())})
