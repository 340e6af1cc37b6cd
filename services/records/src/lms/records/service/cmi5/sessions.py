"""Launch sessions: their rows, their one-time fetch URL, the token it gives, its end.

The fetch URL carries a random secret; its first POST returns the auth-token (HTTP Basic,
user `cmi5s.<session id>`, password a second random secret) and every later one an error
(cmi5 8.2.3). Only SHA-256 digests of either secret are stored. A token works while its session
is open (launched, not terminated or abandoned) and younger than `SESSION_HOURS`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from lms.records.db import cmi5_sessions
from lms.records.domain.errors import Unauthorised
from lms.records.service.context import Context

T = cmi5_sessions.c
USER_PREFIX = "cmi5s."
SESSION_HOURS = 12
OPEN = "launched"


@dataclass(frozen=True)
class Fetched:
    """The fetch URL's answer: the token, or an error code and text (cmi5 8.2.3.2)."""

    token: str | None = None
    error: tuple[str, str] | None = None

    def body(self) -> dict[str, str]:
        if self.token is not None:
            return {"auth-token": self.token}
        assert self.error is not None
        return {"error-code": self.error[0], "error-text": self.error[1]}


def new_secret() -> tuple[str, str]:
    """A secret and its digest."""
    secret = secrets.token_urlsafe(32)
    return secret, digest(secret)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def fetch(ctx: Context, key: str) -> Fetched:
    """The auth-token of the session `key` names, the first time only."""
    session_id, _, secret = key.partition(".")
    with ctx.uow() as uow:
        session = uow.session
        row = locked(session, session_id) if secret else None
        if row is None or not hmac.compare_digest(row.fetch_digest, digest(secret)):
            return Fetched(error=("2", "This fetch URL is not one the LMS gave out."))
        if row.token_digest is not None:
            return Fetched(error=("1", "The authorization token has already been returned."))
        if not is_open(row, ctx.clock()):
            return Fetched(error=("1", "The session has ended or expired."))
        token, token_digest = new_secret()
        session.execute(update(cmi5_sessions).where(T.id == row.id).values(token_digest=token_digest))
        uow.commit()
    credentials = f"{USER_PREFIX}{session_id}:{token}".encode()
    return Fetched(token=base64.b64encode(credentials).decode())


def authenticate(ctx: Context, session_id: str, secret: str) -> Any:
    """The open session these Basic credentials belong to, or Unauthorised."""
    with ctx.reads() as session:
        row = session.execute(select(cmi5_sessions).where(T.id == session_id)).first()
    valid = row is not None and row.token_digest is not None
    if not valid or not hmac.compare_digest(row.token_digest, digest(secret)):
        raise Unauthorised("These credentials are not a launch session's token.")
    if not is_open(row, ctx.clock()):
        raise Unauthorised("The session of this token has ended (terminated, abandoned or expired).")
    return row


def locked(session: Session, session_id: str) -> Any | None:
    return session.execute(select(cmi5_sessions).where(T.id == session_id).with_for_update()).first()


def is_open(row: Any, now: datetime) -> bool:
    return row.state == OPEN and now - row.launched < timedelta(hours=SESSION_HOURS)
