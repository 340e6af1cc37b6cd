"""What every use case needs: sessions (writes and plain reads), the outbox, the LMS's home page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from lms.kit.outbox import Outbox
from lms.kit.uow import UnitOfWork
from lms.records.domain.cmi5.launch import Places


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Context:
    sessions: sessionmaker[Session]  # transactions that write
    reads: sessionmaker[Session]  # single reads (no write lock on SQLite)
    outbox: Outbox
    home_page: str = "https://lms.example"  # accounts of LMS users and keys live here
    clock: Callable[[], datetime] = field(default=utcnow)
    places: Places = field(
        default_factory=lambda: Places("http://127.0.0.1:8080", "http://127.0.0.1:8080/content")
    )

    def uow(self) -> UnitOfWork:
        """The one way a use case writes: its rows and its events, in one transaction."""
        return UnitOfWork(self.sessions, self.outbox)
