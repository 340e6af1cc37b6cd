"""Events of progress: the outbox row and one webhook delivery per subscribed endpoint, in
the caller's transaction, so each endpoint gets each event exactly once."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from lms.kit.cloudevents import CloudEvent
from lms.kit.outbox import Outbox
from lms.progress.db import webhook_deliveries, webhooks

ENROLMENT_CREATED = "lms.progress.enrolment.created.v1"
LESSON_COMPLETED = "lms.progress.lesson.completed.v1"
MODULE_COMPLETED = "lms.progress.module.completed.v1"
COURSE_COMPLETED = "lms.progress.course.completed.v1"
ENROLMENT_UPGRADED = "lms.progress.enrolment.upgraded.v1"


class Emitter:
    def __init__(self, outbox: Outbox, enabled: bool = True):
        self.outbox = outbox
        self.enabled = enabled  # off while rebuilding read models: replay must not re-publish

    def emit(self, db: Session, event_type: str, key: str, data: dict[str, Any]) -> CloudEvent | None:
        if not self.enabled:
            return None
        event = self.outbox.add_event(db, event_type, key=key, data=data)
        hooks = self._active_webhooks(db)
        payload = json.dumps({"type": event_type, "timestamp": event.time.isoformat(), "data": data})
        now = datetime.now(UTC)
        rows = [
            {
                "id": str(uuid.uuid4()),
                "webhook_id": hook.id,
                "event_id": event.id,
                "event_type": event_type,
                "payload": payload,
                "status": "pending",
                "attempts": 0,
                "next_attempt_at": now,
                "created_at": now,
            }
            for hook in hooks
            if event_type in hook.event_types
        ]
        if rows:
            db.execute(insert(webhook_deliveries), rows)
        return event

    @staticmethod
    def _active_webhooks(db: Session) -> list[Any]:
        """Read once per transaction (a consumer batch emits many events in one)."""
        if "lms.webhooks" not in db.info:
            db.info["lms.webhooks"] = db.execute(
                select(webhooks.c.id, webhooks.c.event_types).where(webhooks.c.status == "active")
            ).all()
        return db.info["lms.webhooks"]
