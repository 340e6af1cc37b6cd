"""The webhook dispatcher (`python -m lms.progress deliver`): sends due deliveries, signed.

Each delivery is claimed with `FOR UPDATE SKIP LOCKED` (several dispatchers may run on
PostgreSQL), sent, and its outcome recorded in the same transaction: 2xx delivered; 410
disables the endpoint and cancels what is pending for it; anything else is retried with
exponential back-off and jitter until MAX_ATTEMPTS, then marked failed (redeliverable).
The log keeps a generic reason, never a socket error (that would be a port-scan oracle).
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
from sqlalchemy.orm import Session

from lms.kit.db import is_sqlite, make_session_factory
from lms.progress.db import webhook_deliveries, webhooks
from lms.progress.domain.webhooks import MAX_ATTEMPTS, next_delay, sign
from lms.progress.service.targets import refusal
from lms.progress.service.webhooks import cancel_pending

log = logging.getLogger(__name__)
REFUSED = "the target is not a public address"
UNREACHABLE = "the endpoint could not be reached"
TIMED_OUT = "the endpoint did not answer in time"


class Dispatcher:
    def __init__(
        self,
        engine: Engine,
        env: str = "dev",
        client: httpx.Client | None = None,
        delay: Callable[[int], timedelta] = next_delay,
    ):
        self.sessions = make_session_factory(engine)
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
        """Claim, send and record one due delivery; None when nothing is due."""
        with self.sessions.begin() as session:
            row = session.execute(self._due()).first()
            if row is None:
                return None
            outcome = self._outcome(row.attempts + 1, *self._send(row))
            session.execute(
                update(webhook_deliveries).where(webhook_deliveries.c.id == row.id).values(**outcome)
            )
            if outcome.get("last_status_code") == 410:
                _disable(session, row.webhook_id)
        return row.id

    def _due(self) -> Any:
        query = (
            select(webhook_deliveries, webhooks.c.url, webhooks.c.secret)
            .join(webhooks, webhooks.c.id == webhook_deliveries.c.webhook_id)
            .where(
                webhook_deliveries.c.status == "pending",
                webhook_deliveries.c.next_attempt_at <= datetime.now(UTC),
                webhooks.c.status == "active",
            )
            .order_by(webhook_deliveries.c.next_attempt_at)
            .limit(1)
        )
        return query.with_for_update(skip_locked=True, of=webhook_deliveries) if self._skip_locked else query

    def _send(self, row: Any) -> tuple[int | None, str | None]:
        """(status code, generic error) of one signed POST."""
        if refusal(row.url, self.env):
            return None, REFUSED
        timestamp, body = int(time.time()), row.payload.encode()
        headers = {
            "content-type": "application/json",
            "webhook-id": row.event_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": sign(row.secret, row.event_id, timestamp, body),
        }
        try:
            with self.client.stream("POST", row.url, content=body, headers=headers) as response:
                status = response.status_code  # the body is never read: nothing to cap
        except httpx.TimeoutException:
            return None, TIMED_OUT
        except httpx.HTTPError as exc:
            log.info("webhook delivery %s failed: %s", row.id, exc)
            return None, UNREACHABLE
        return status, None if 200 <= status < 300 else f"HTTP {status}"

    def _outcome(self, attempts: int, status: int | None, error: str | None) -> dict[str, Any]:
        now = datetime.now(UTC)
        common = {
            "attempts": attempts,
            "last_status_code": status,
            "last_error": error,
            "next_attempt_at": None,
        }
        if status is not None and 200 <= status < 300:
            return {**common, "status": "delivered", "delivered_at": now}
        if status == 410 or attempts >= MAX_ATTEMPTS:
            return {**common, "status": "cancelled" if status == 410 else "failed"}
        return {**common, "status": "pending", "next_attempt_at": now + self.delay(attempts)}


def _disable(session: Session, webhook_id: str) -> None:
    session.execute(
        update(webhooks)
        .where(webhooks.c.id == webhook_id)
        .values(status="disabled", disabled_reason="the endpoint answered 410 Gone")
    )
    cancel_pending(session, webhook_id)
