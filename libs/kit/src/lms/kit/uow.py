"""Unit of work: one session, one transaction, the events it adds committed with it."""

from __future__ import annotations

from types import TracebackType
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from lms.kit.cloudevents import CloudEvent
from lms.kit.outbox import Outbox


class UnitOfWork:
    """`with uow: ...; uow.commit()` — leaving without commit rolls everything back."""

    session: Session

    def __init__(self, session_factory: sessionmaker[Session], outbox: Outbox):
        self._session_factory = session_factory
        self._outbox = outbox

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.session.rollback()
        self.session.close()

    def add_event(
        self, event_type: str, *, key: str, data: dict[str, Any], subject: str | None = None
    ) -> CloudEvent:
        """Add an event to this transaction's outbox rows (validated against its contract)."""
        return self._outbox.add_event(self.session, event_type, key=key, data=data, subject=subject)

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
