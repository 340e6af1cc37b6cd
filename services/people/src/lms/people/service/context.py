"""What every use case needs: sessions, the outbox and the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from lms.contracts.events import EventType
from lms.kit.outbox import Outbox
from lms.kit.uow import UnitOfWork


def utcnow() -> datetime:
    return datetime.now(UTC)


class DirectoryUnit(UnitOfWork):
    """The kit's unit of work, adding events keyed as their contracts declare (`x-kafka-key`)."""

    def __init__(self, sessions: sessionmaker[Session], outbox: Outbox):
        super().__init__(sessions, outbox)
        self.outbox = outbox

    def announce(self, event_type: EventType, data: dict[str, Any]) -> None:
        self.outbox.add_event(self.session, event_type, data=data)


@dataclass
class Context:
    sessions: sessionmaker[Session]
    outbox: Outbox
    clock: Callable[[], datetime] = utcnow
    identity_claim: str = "sub"  # the token claim that holds a person's userName (LMS_IDENTITY_CLAIM)

    def uow(self) -> DirectoryUnit:
        return DirectoryUnit(self.sessions, self.outbox)
