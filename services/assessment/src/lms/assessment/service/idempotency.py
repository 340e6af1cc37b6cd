"""`Idempotency-Key`: same key and request -> the first outcome again; same key, other request -> 409.

A key is stored with the request's fingerprint, whether the work created something, and the
attempt it produced, in the same transaction as the work (`INSERT ... ON CONFLICT DO NOTHING`: a
concurrent request with the same key waits for that row). Losing that insert means the key was
used first: the work is rolled back and the first outcome is rebuilt from the attempt. Refused
requests store nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from lms.assessment.db import idempotency_keys
from lms.assessment.domain.errors import Conflict
from lms.kit.db import insert_ignore_statement


@dataclass(frozen=True)
class IdempotencyKey:
    key: str
    fingerprint: str

    @classmethod
    def of(cls, key: str, method: str, path: str, body: Any) -> IdempotencyKey:
        """A key with the fingerprint of the request it came with (method, path, canonical body)."""
        canonical = json.dumps([method, path, body], sort_keys=True, separators=(",", ":"))
        return cls(key, hashlib.sha256(canonical.encode()).hexdigest())


@dataclass(frozen=True)
class Outcome:
    """What a use case did: the body of its answer, whether it `created` something (a new
    attempt or version), and whether it is `replayed` from an earlier request with the same key."""

    body: dict[str, Any]
    created: bool = False
    replayed: bool = False


# The stored `status_code` keeps the status of the key's first reply, as it always has: it is
# what the API answers for a created outcome or another one.
_CREATED, _OTHER = 201, 200


class KeyTaken(Exception):
    """The key was stored by another request first (this transaction must roll back)."""


def remember(
    session: Session,
    owner: str,
    idem: IdempotencyKey | None,
    attempt_id: str,
    now: datetime,
    *,
    created: bool,
) -> None:
    """Store the key with this transaction's outcome; raise KeyTaken when it exists already."""
    if idem is None:
        return
    status = _CREATED if created else _OTHER
    values = {"owner": owner, "key": idem.key, "fingerprint": idem.fingerprint, "status_code": status,
              "attempt_id": attempt_id, "created_at": now}  # fmt: skip
    if session.execute(insert_ignore_statement(session, idempotency_keys, "key"), values).first() is None:
        raise KeyTaken


_RECALL = select(idempotency_keys).where(
    idempotency_keys.c.owner == bindparam("owner"), idempotency_keys.c.key == bindparam("key")
)


def recall(session: Session, owner: str, idem: IdempotencyKey | None) -> tuple[bool, str] | None:
    """(created, attempt id) stored under the key, None when unused; 409 when it named another request."""
    if idem is None:
        return None
    row = session.execute(_RECALL, {"owner": owner, "key": idem.key}).first()
    if row is None:
        return None
    if row.fingerprint != idem.fingerprint:
        raise Conflict("This Idempotency-Key was already used with a different request.")
    return row.status_code == _CREATED, row.attempt_id
