"""The webhook dispatcher (`python -m lms.progress deliver`): sends due deliveries, signed.

Each delivery is claimed with `FOR UPDATE SKIP LOCKED` (several dispatchers may run on
PostgreSQL), sent, and its outcome recorded in the same transaction: 2xx delivered; 410
disables the endpoint and cancels what is pending for it; anything else is retried with
exponential back-off and jitter until MAX_ATTEMPTS, then marked failed (redeliverable).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import Engine, select, update

from lms.kit.db import is_sqlite
from lms.progress.db import webhook_deliveries, webhooks
from lms.progress.domain.webhooks import MAX_ATTEMPTS, next_delay, sign
from lms.progress.targets import refusal

log = logging.getLogger(__name__)


class Dispatcher:
    def __init__(
        self,
        engine: Engine,
        env: str = "dev",
        client: httpx.Client | None = None,
        delay: Callable[[int], timedelta] = next_delay,
    ):
        self.engine = engine
        self.delay = delay
        self.env = env
        self.client = client or httpx.Client(timeout=httpx.Timeout(10.0, connect=3.0), follow_redirects=False)
        self._skip_locked = not is_sqlite(engine)

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                if self.deliver_one() is None:
                    stop.wait(0.2)
            except Exception:
                log.exception("dispatcher pass failed")
                stop.wait(2)

    def deliver_due(self) -> int:
        """Send every delivery that is due now; return how many were attempted."""
        count = 0
        while self.deliver_one() is not None:
            count += 1
        return count

    def deliver_one(self) -> str | None:
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            query = (
                select(webhook_deliveries, webhooks.c.url, webhooks.c.secret)
                .join(webhooks, webhooks.c.id == webhook_deliveries.c.webhook_id)
                .where(
                    webhook_deliveries.c.status == "pending",
                    webhook_deliveries.c.next_attempt_at <= now,
                    webhooks.c.status == "active",
                )
                .order_by(webhook_deliveries.c.next_attempt_at)
                .limit(1)
            )
            if self._skip_locked:
                query = query.with_for_update(skip_locked=True, of=webhook_deliveries)
            row = conn.execute(query).first()
            if row is None:
                return None
            outcome = self._send(row)
            conn.execute(
                update(webhook_deliveries).where(webhook_deliveries.c.id == row.id).values(**outcome)
            )
            if outcome.get("last_status_code") == 410:
                self._disable(conn, row.webhook_id)
        return row.id

    def _send(self, row: Any) -> dict[str, Any]:
        attempts = row.attempts + 1
        reason = refusal(row.url, self.env)
        status: int | None = None
        error: str | None = reason
        if reason is None:
            timestamp = int(time.time())
            body = row.payload.encode()
            headers = {
                "content-type": "application/json",
                "webhook-id": row.event_id,
                "webhook-timestamp": str(timestamp),
                "webhook-signature": sign(row.secret, row.event_id, timestamp, body),
            }
            try:
                status = self.client.post(row.url, content=body, headers=headers).status_code
                error = None if 200 <= status < 300 else f"HTTP {status}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"[:500]
        now = datetime.now(UTC)
        if status is not None and 200 <= status < 300:
            return {
                "status": "delivered",
                "attempts": attempts,
                "last_status_code": status,
                "last_error": None,
                "delivered_at": now,
                "next_attempt_at": None,
            }
        if status == 410 or attempts >= MAX_ATTEMPTS:
            final = "cancelled" if status == 410 else "failed"
            return {
                "status": final,
                "attempts": attempts,
                "last_status_code": status,
                "last_error": error,
                "next_attempt_at": None,
            }
        return {
            "status": "pending",
            "attempts": attempts,
            "last_status_code": status,
            "last_error": error,
            "next_attempt_at": now + self.delay(attempts),
        }

    @staticmethod
    def _disable(conn: Any, webhook_id: str) -> None:
        conn.execute(
            update(webhooks)
            .where(webhooks.c.id == webhook_id)
            .values(status="disabled", disabled_reason="the endpoint answered 410 Gone")
        )
        conn.execute(
            update(webhook_deliveries)
            .where(webhook_deliveries.c.webhook_id == webhook_id, webhook_deliveries.c.status == "pending")
            .values(status="cancelled", next_attempt_at=None)
        )
