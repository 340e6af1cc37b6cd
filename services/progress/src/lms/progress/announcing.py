"""Announcing a fact: the outbox row and one webhook delivery per subscribed endpoint, in the
caller's transaction, so each endpoint gets each event exactly once."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from lms.contracts.events import EventType
from lms.kit.cloudevents import CloudEvent
from lms.kit.outbox import Outbox
from lms.progress.db import webhook_deliveries, webhooks
from lms.progress.enrolment.service.statements import XapiIdentity

ACTIVE_WEBHOOKS = "lms.progress.webhooks"
DELIVERIES_CHANNEL = "lms_webhook_deliveries"  # notified as deliveries commit (PostgreSQL)


def publish(
    session: Session, outbox: Outbox | None, event_type: EventType, data: dict[str, Any]
) -> CloudEvent | None:
    """Add the event and its deliveries; `outbox` None (a replay) announces nothing."""
    if outbox is None:
        return None
    event = outbox.add_event(session, event_type, data=data)
    rows = [_delivery(hook_id, event, data) for hook_id in _subscribers(session, event_type.name)]
    if rows:
        session.execute(insert(webhook_deliveries), rows)  # its trigger wakes the dispatchers
    return event


def _delivery(hook_id: str, event: CloudEvent, data: dict[str, Any]) -> dict[str, Any]:
    now = datetime.now(UTC)
    payload = json.dumps({"type": event.type, "timestamp": event.time.isoformat(), "data": data})
    return {
        "id": str(uuid.uuid4()),
        "webhook_id": hook_id,
        "event_id": event.id,
        "event_type": event.type,
        "payload": payload,
        "status": "pending",
        "attempts": 0,
        "next_attempt_at": now,
        "created_at": now,
    }


def _subscribers(session: Session, event_type: str) -> list[str]:
    """Active endpoints subscribed to `event_type` (read once per transaction: a batch emits many)."""
    if ACTIVE_WEBHOOKS not in session.info:
        session.info[ACTIVE_WEBHOOKS] = session.execute(
            select(webhooks.c.id, webhooks.c.event_types).where(webhooks.c.status == "active")
        ).all()
    return [hook.id for hook in session.info[ACTIVE_WEBHOOKS] if event_type in hook.event_types]


@dataclass(frozen=True)
class Channels:
    """Where recorded facts are told: the outbox (None while replaying) and the xAPI store's identity."""

    outbox: Outbox | None
    xapi: XapiIdentity
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
