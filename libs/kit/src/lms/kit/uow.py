"""The unit of work: the one way a service writes its state and its events.

`with ctx.uow() as uow: ...; uow.commit()` opens a session; state goes through `uow.session`,
events through `uow.announce(EventType, data)`, and both commit together or not at all (leaving
the block without `commit()` rolls everything back). An inbox consumer's handler, whose batch
transaction the consumer owns, works in `UnitOfWork.joining(session, ...)`: it announces into
that transaction, and the consumer commits it.

Two kinds of hook, given when the service is assembled, let a lower part of a service tell an
upper one without importing it:
- `on_announce(uow, event, data)` runs with each announced event, in its transaction (progress's
  webhook deliveries: one row per subscribed endpoint, written exactly when the event is);
- `uow.after_commit(fn)` runs `fn` once the transaction has committed, never when it rolls back
  (for what must not happen unless the change did: waking a process, dropping a cache).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session, sessionmaker

from lms.contracts.events import EventType
from lms.kit.cloudevents import CloudEvent
from lms.kit.outbox import Outbox

AnnounceHook = Callable[["UnitOfWork", CloudEvent, dict[str, Any]], None]
Join = Callable[[Session], "UnitOfWork"]  # the unit a consumer's handler works in, in its batch
T = TypeVar("T")
AFTER_COMMIT = "lms.uow.after_commit"
log = logging.getLogger(__name__)


class UnitOfWork:
    """One transaction's state and events; see the module's text."""

    session: Session

    def __init__(
        self,
        session_factory: sessionmaker[Session] | None,
        outbox: Outbox | None,
        *,
        on_announce: Iterable[AnnounceHook] = (),
    ):
        """`outbox` None: a unit that records state only (a rebuild replaying history announces
        nothing again)."""
        self._session_factory = session_factory
        self._outbox = outbox
        self._on_announce = tuple(on_announce)
        self._owned = session_factory is not None

    @classmethod
    def joining(
        cls, session: Session, outbox: Outbox | None, *, on_announce: Iterable[AnnounceHook] = ()
    ) -> UnitOfWork:
        """A unit inside a transaction its caller owns (an inbox consumer's batch): it announces
        into `session`; the owner commits or rolls back."""
        unit = cls(None, outbox, on_announce=on_announce)
        unit.session = session
        return unit

    def __enter__(self) -> UnitOfWork:
        if self._session_factory is not None:
            self.session = self._session_factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._owned:
            self.session.rollback()
            self.session.close()

    @property
    def announcing(self) -> bool:
        """False for a unit without an outbox (a replay): `announce` then writes nothing."""
        return self._outbox is not None

    def announce(self, event_type: EventType, data: dict[str, Any]) -> CloudEvent | None:
        """Add the event to this transaction: validated against its contract, keyed by the payload
        field the contract names (`x-kafka-key`), then handed to the announce hooks.

        Raises `PayloadInvalid` (nothing written) when `data` breaks the schema; returns None
        without writing anything in a unit that has no outbox.
        """
        if self._outbox is None:
            return None
        event = self._outbox.add_event(self.session, event_type, data=data)
        for hook in self._on_announce:
            hook(self, event, data)
        return event

    def after_commit(self, action: Callable[[], None]) -> None:
        """Run `action` once this transaction commits (dropped if it rolls back)."""
        self.session.info.setdefault(AFTER_COMMIT, []).append(action)

    def commit(self) -> None:
        if not self._owned:
            raise RuntimeError("a joined unit of work is committed by the owner of its transaction")
        self.session.commit()


@sa_event.listens_for(Session, "after_commit")
def _run_after_commit(session: Session) -> None:
    for action in session.info.pop(AFTER_COMMIT, ()):
        try:
            action()
        except Exception:  # the change has committed: a failing follow-up must not undo its reply
            log.exception("an after-commit action failed")


@sa_event.listens_for(Session, "after_rollback")
def _drop_after_commit(session: Session) -> None:
    session.info.pop(AFTER_COMMIT, None)


def joiner(outbox: Outbox | None, *, on_announce: Iterable[AnnounceHook] = ()) -> Join:
    """Units joining a consumer's batch transaction, announcing into `outbox` with these hooks
    (`outbox` None: a replay's units, which announce nothing)."""
    hooks = tuple(on_announce)
    return lambda session: UnitOfWork.joining(session, outbox, on_announce=hooks)


def joined(join: Join, use_case: Callable[[UnitOfWork, T], None]) -> Callable[[Session, T], None]:
    """The inbox handler `(session, event)` (or batch handler `(session, events)`) of a use case
    that takes a unit of work: the use case runs in `join(session)`."""

    def handle(session: Session, what: T) -> None:
        use_case(join(session), what)

    return handle
