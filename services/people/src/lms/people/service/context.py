"""What every use case needs: sessions, the outbox and the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from lms.kit.outbox import Outbox
from lms.kit.uow import UnitOfWork


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Context:
    sessions: sessionmaker[Session]
    outbox: Outbox
    clock: Callable[[], datetime] = utcnow
    identity_claim: str = "sub"  # the token claim that holds a person's userName (LMS_IDENTITY_CLAIM)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.sessions, self.outbox)
