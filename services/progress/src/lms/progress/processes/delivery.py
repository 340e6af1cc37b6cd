"""The webhook dispatcher (`python -m lms.progress deliver`): sends due deliveries, signed.

Each delivery is claimed with `FOR UPDATE SKIP LOCKED` (several dispatchers may run on
PostgreSQL), sent, and its outcome recorded in the same transaction: 2xx delivered; 410
disables the endpoint and cancels what is pending for it; anything else is retried with
exponential back-off and jitter until MAX_ATTEMPTS, then marked failed (redeliverable).
Requests go through the kit's SSRF-safe client: resolved once, public addresses only,
connected to the checked address, the reply capped; the log keeps its generic reason.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from lms.kit.db import is_sqlite, make_session_factory
from lms.kit.safehttp import SafeClient, SafeHttpError
from lms.kit.uow import UnitOfWork
from lms.kit.wakeup import Wakeup
from lms.progress.db import webhook_deliveries, webhooks
from lms.progress.hr_sync.domain.webhooks import MAX_ATTEMPTS, next_delay, sign
from lms.progress.hr_sync.service.webhook_fan_out import DELIVERIES_CHANNEL
from lms.progress.hr_sync.service.webhooks import cancel_pending

log = logging.getLogger(__name__)


class Dispatcher:
    def __init__(
        self,
        engine: Engine,
        client: SafeClient,
        delay: Callable[[int], timedelta] = next_delay,
    ):
        self.engine = engine
        self.sessions = make_session_factory(engine)
        self.delay = delay
        self.client = client  # SafeClient.for_env(settings.env): public targets only outside dev
        self._skip_locked = not is_sqlite(engine)

    def run(self, stop: threading.Event, workers: int = 1) -> None:
        """Deliver until `stop`; on PostgreSQL `workers` threads claim deliveries side by side, so
        one slow endpoint holds up one worker, not every other endpoint's deliveries."""
        workers = 1 if not self._skip_locked else max(1, workers)
        threads = [threading.Thread(target=self._loop, args=(stop,), daemon=True) for _ in range(workers - 1)]
        for thread in threads:
            thread.start()
        self._loop(stop)
        for thread in threads:
            thread.join()

    def _loop(self, stop: threading.Event) -> None:
        # woken when deliveries are added (PostgreSQL), else a look every second for retries
        # that fell due; on SQLite a look every 0.2 s
        wakeup = Wakeup(self.engine, DELIVERIES_CHANNEL, idle_s=1.0, poll_s=0.2)
        try:
            while not stop.is_set():
                try:
                    if self.deliver_one() is None:
                        wakeup.wait(stop)
                except Exception:
                    log.exception("dispatcher pass failed")
                    stop.wait(2)
        finally:
            wakeup.close()

    def deliver_due(self) -> int:
        """Send every delivery that is due now; return how many were attempted."""
        count = 0
        while self.deliver_one() is not None:
            count += 1
        return count

    def deliver_one(self) -> str | None:
        """Claim, send and record one due delivery; None when nothing is due."""
        with UnitOfWork(self.sessions, None) as uow:  # the delivery log only: nothing to announce
            row = uow.session.execute(self._due()).first()
            if row is None:
                return None
            outcome = self._outcome(row.attempts + 1, *self._send(row))
            uow.session.execute(
                update(webhook_deliveries).where(webhook_deliveries.c.id == row.id).values(**outcome)
            )
            if outcome.get("last_status_code") == 410:
                _disable(uow.session, row.webhook_id)
            uow.commit()
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
        # The endpoint's row is locked with the delivery: while one of its deliveries is in flight,
        # other senders skip that endpoint (one request at a time per endpoint, in order) and
        # serve the others, so a stalled receiver holds up only itself.
        locked = [webhook_deliveries, webhooks]
        return query.with_for_update(skip_locked=True, of=locked) if self._skip_locked else query

    def _send(self, row: Any) -> tuple[int | None, str | None]:
        """(status code, generic reason) of one signed POST."""
        timestamp, body = int(time.time()), row.payload.encode()
        headers = [
            ("content-type", "application/json"),
            ("webhook-id", row.event_id),
            ("webhook-timestamp", str(timestamp)),
            ("webhook-signature", sign(row.secret, row.event_id, timestamp, body)),
        ]
        try:
            reply = self.client.post(row.url, body, headers)
        except SafeHttpError as exc:
            return None, exc.reason.value
        return reply.status, reply.reason

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
