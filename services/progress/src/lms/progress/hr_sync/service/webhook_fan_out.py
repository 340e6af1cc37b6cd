"""Each announced event, for every active webhook endpoint subscribed to its type: one delivery row,
in the announcing transaction (an announce hook of every unit of work, see
`lms.progress.announcing`), so each endpoint gets each event exactly once. The dispatcher
(`processes/delivery.py`) sends them."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from lms.kit.cloudevents import CloudEvent
from lms.kit.uow import UnitOfWork
from lms.progress.db import webhook_deliveries, webhooks

ACTIVE_WEBHOOKS = "lms.progress.webhooks"
DELIVERIES_CHANNEL = "lms_webhook_deliveries"  # notified as deliveries commit (PostgreSQL)


def deliveries_for(uow: UnitOfWork, event: CloudEvent, data: dict[str, Any]) -> None:
    """The event's deliveries, one per subscribed endpoint; its trigger wakes the dispatchers."""
    rows = [_delivery(hook_id, event, data) for hook_id in _subscribers(uow.session, event.type)]
    if rows:
        uow.session.execute(insert(webhook_deliveries), rows)


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
