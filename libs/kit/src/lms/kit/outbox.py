"""Writing events: validated, enveloped and stored in the caller's transaction."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lms.contracts import Registry, default_registry
from lms.contracts.events import EventType
from lms.kit import context, jsoncodec
from lms.kit.cloudevents import CloudEvent
from lms.kit.db import insert_rows
from lms.kit.messaging import lane_of, outbox


class Outbox:
    """Adds events to the outbox table of one service.

    The row commits or rolls back with the caller's state change: an event exists
    exactly when the change it describes does.
    """

    def __init__(self, *, source: str, topic: str, registry: Registry | None = None):
        self.source = source
        self.topic = topic
        self.registry = registry or default_registry()

    def add_event(self, session: Session, event_type: EventType, *, data: dict[str, Any]) -> CloudEvent:
        """Validate `data` against its contract and add the event to `session`'s transaction.

        Called by `lms.kit.uow.UnitOfWork.announce`, the one way services write events. The Kafka
        record key is the aggregate id whose order matters: the payload field the event's
        declaration names (`x-kafka-key`), which is also the event's subject.
        Raises `PayloadInvalid` (nothing written) when the payload breaks its schema.
        """
        name = str(event_type)
        self.registry.validate(name, data)
        key = str(data[self.registry.key_field(name)])
        ext = {"requestid": request_id} if (request_id := context.request_id.get()) else {}
        event = CloudEvent.new(name, self.source, data, subject=key, extensions=ext)
        session.info.setdefault(PENDING, []).append(
            {
                "lane": lane_of(key),
                "event_id": event.id,
                "event_type": name,
                "topic": self.topic,
                "key": key,
                "headers": jsoncodec.dumps_text(event.headers()),
                "payload": event.value().decode(),
                "created_at": datetime.now(UTC),
            }
        )
        return event


# A transaction's events are written together, in the order they were added, by one
# multi-row INSERT (a COPY when there are many, on PostgreSQL) just before it commits.
PENDING = "lms.outbox.pending"


@sa_event.listens_for(Session, "before_commit")
def _write_pending_events(session: Session) -> None:
    rows = session.info.pop(PENDING, None)
    if rows:
        insert_rows(session, outbox, rows)  # its trigger wakes the relays at commit (lms.kit.wakeup)


@sa_event.listens_for(Session, "after_rollback")
def _forget_pending_events(session: Session) -> None:
    session.info.pop(PENDING, None)


def pending_count(session: Session) -> int:
    """Rows not yet published (exported as `lms_outbox_pending`)."""
    return (
        session.scalar(select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))) or 0
    )
