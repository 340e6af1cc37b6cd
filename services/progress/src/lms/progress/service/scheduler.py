"""The schedule process: settles every notice that fell due, set-based and idempotent.

Each batch is one transaction: due notices are selected over the `(state, fire_at)` index with
`FOR UPDATE SKIP LOCKED` (several schedulers share the work on PostgreSQL), each is marked
settled by a conditional update (the row decides: a notice settled elsewhere is skipped) and its
event and webhook deliveries are written in that same transaction. A killed scheduler leaves
its batch pending for the next tick.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, and_, exists, select, update
from sqlalchemy.orm import Session, aliased

from lms.progress.db import assigned_learners, assignments, courses, cycles, notices, people
from lms.progress.domain.compliance import EXPIRING, Facts, reason_to_drop
from lms.progress.service.context import Context
from lms.progress.service.notices import announce
from lms.progress.service.renewals import open_renewal

log = logging.getLogger(__name__)
later = aliased(cycles)


@dataclass
class Scheduler:
    ctx: Context
    batch_size: int = 500

    def tick(self) -> int:
        """Settle everything due by the clock's now; how many notices were settled."""
        now, settled = self.ctx.clock(), 0
        while count := self.settle_batch(now):
            settled += count
        return settled

    def run(self, stop: threading.Event, interval_s: float) -> None:
        while not stop.is_set():
            try:
                self.tick()
            except Exception:  # a failed batch rolls back and is tried again next tick
                log.exception("schedule tick failed")
            stop.wait(interval_s)

    def settle_batch(self, now: datetime) -> int:
        with self.ctx.sessions.begin() as session:
            rows = session.execute(due(now, self.batch_size)).all()
            for row in rows:
                settle(self.ctx, session, row, now)
            return len(rows)


def due(now: datetime, limit: int) -> Any:
    """Pending notices due by `now`, with everything that decides whether they go out."""
    renewed = exists().where(
        later.c.assignment_id == cycles.c.assignment_id,
        later.c.learner_id == cycles.c.learner_id,
        later.c.cycle > cycles.c.cycle,
        later.c.status == "completed",
    )
    return (
        select(
            notices.c.cycle_id,
            notices.c.kind,
            notices.c.offset_days,
            notices.c.fire_at,
            cycles,
            assigned_learners.c.status.label("assigned_status"),
            people.c.active.label("learner_active"),
            people.c.manager_learner_id,
            courses.c.retired_at,
            assignments.c.grace_days,
            renewed.label("renewed"),
        )
        .join(cycles, cycles.c.id == notices.c.cycle_id)
        .join(
            assigned_learners,
            and_(
                assigned_learners.c.assignment_id == cycles.c.assignment_id,
                assigned_learners.c.learner_id == cycles.c.learner_id,
            ),
        )
        .join(assignments, assignments.c.id == cycles.c.assignment_id)
        .outerjoin(people, people.c.learner_id == cycles.c.learner_id)
        .outerjoin(courses, courses.c.course_id == cycles.c.course_id)
        .where(notices.c.state == "pending", notices.c.fire_at <= now)
        .order_by(notices.c.fire_at)
        .limit(limit)
        .with_for_update(of=notices, skip_locked=True)
    )


def settle(ctx: Context, session: Session, row: Row[Any], now: datetime) -> None:
    reason = reason_to_drop(facts_of(row))
    if reason is None and row.kind == EXPIRING and not open_renewal(ctx.channels, session, row, now):
        reason = "course takes no new enrolments"
    if not _claim(session, row, now, "dropped" if reason else "sent", reason):
        return
    if reason is None:
        event_id = announce(session, ctx.channels.outbox, row)
        session.execute(_key(update(notices), row).values(event_id=event_id))


def facts_of(row: Row[Any]) -> Facts:
    return Facts(
        kind=row.kind,
        cycle_completed=row.status == "completed",
        renewed=bool(row.renewed),
        assignment_open=row.assigned_status == "open",
        learner_active=row.learner_active is not False,
        course_retired=row.retired_at is not None,
    )


def _claim(session: Session, row: Row[Any], now: datetime, state: str, reason: str | None) -> bool:
    """Settle the notice unless someone else did: the row, not this process, decides."""
    query = _key(update(notices), row).where(notices.c.state == "pending")
    return session.execute(query.values(state=state, settled_at=now, reason=reason)).rowcount == 1


def _key(query: Any, row: Row[Any]) -> Any:
    return query.where(
        notices.c.cycle_id == row.cycle_id,
        notices.c.kind == row.kind,
        notices.c.offset_days == row.offset_days,
    )
