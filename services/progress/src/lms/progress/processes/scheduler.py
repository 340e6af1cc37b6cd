"""The schedule process: settles every notice that fell due, set-based and idempotent.

Each batch is one transaction: due notices are selected over the `(state, fire_at)` index with
`FOR UPDATE SKIP LOCKED` (several schedulers share the work on PostgreSQL), each is marked
settled by a conditional update (the row decides: a notice settled elsewhere is skipped) and its
event and webhook deliveries are written in that same transaction (one unit of work). A killed
scheduler leaves its batch pending for the next tick.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, and_, bindparam, exists, select, tuple_, update
from sqlalchemy.orm import Session, aliased

from lms.kit.uow import UnitOfWork
from lms.progress.compliance.domain.cycles import EXPIRING, Facts, reason_to_drop
from lms.progress.compliance.service.notices import announce
from lms.progress.compliance.service.renewals import open_renewal
from lms.progress.context import Context
from lms.progress.db import assigned_learners, assignments, courses, cycles, notices, people

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
        """One batch in one transaction: a handful of statements, whatever its size."""
        with self.ctx.uow() as uow:
            rows = uow.session.execute(due(now, self.batch_size)).all()
            settle(self.ctx, uow, rows, now)
            uow.commit()
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


def settle(ctx: Context, uow: UnitOfWork, rows: list[Row[Any]], now: datetime) -> None:
    """Drop what no longer applies, send the rest: each notice claimed by a conditional update
    first (the row decides, not this process), its event in this same transaction."""
    session = uow.session
    verdicts: dict[str | None, list[Row[Any]]] = defaultdict(list)
    for row in rows:
        verdicts[reason_to_drop(facts_of(row))].append(row)
    for reason, dropped in verdicts.items():
        if reason is not None:
            _claim(session, dropped, now, "dropped", reason)
    sent = []
    for row in _claim(session, verdicts[None], now, "sent", None):
        if row.kind == EXPIRING and not open_renewal(ctx.channels, uow, row, now):
            _reclassify(session, row, "course takes no new enrolments")
            continue
        sent.append({**_ids(row), "event": announce(uow, row)})
    if sent:
        session.connection().execute(RECORD_EVENT, sent)


def facts_of(row: Row[Any]) -> Facts:
    return Facts(
        kind=row.kind,
        cycle_completed=row.status == "completed",
        renewed=bool(row.renewed),
        assignment_open=row.assigned_status == "open",
        learner_active=row.learner_active is not False,
        course_retired=row.retired_at is not None,
    )


def _claim(
    session: Session, rows: list[Row[Any]], now: datetime, state: str, reason: str | None
) -> list[Row[Any]]:
    """Settle those of `rows` still pending (one statement); the ones this transaction settled."""
    if not rows:
        return []
    keys = tuple_(notices.c.cycle_id, notices.c.kind, notices.c.offset_days)
    query = (
        update(notices)
        .where(notices.c.cycle_id.in_({row.cycle_id for row in rows}))  # the primary key's prefix
        .where(keys.in_([_key(row) for row in rows]), notices.c.state == "pending")
        .values(state=state, settled_at=now, reason=reason)
        .returning(notices.c.cycle_id, notices.c.kind, notices.c.offset_days)
    )
    claimed = {tuple(found) for found in session.execute(query)}
    return [row for row in rows if _key(row) in claimed]


def _reclassify(session: Session, row: Row[Any], reason: str) -> None:
    where = (notices.c.cycle_id == row.cycle_id, notices.c.kind == row.kind)
    query = update(notices).where(*where, notices.c.offset_days == row.offset_days)
    session.execute(query.values(state="dropped", reason=reason))


def _key(row: Row[Any]) -> tuple[str, str, int]:
    return (row.cycle_id, row.kind, row.offset_days)


def _ids(row: Row[Any]) -> dict[str, Any]:
    return {"c_id": row.cycle_id, "c_kind": row.kind, "c_offset": row.offset_days}


RECORD_EVENT = (
    update(notices)
    .where(
        notices.c.cycle_id == bindparam("c_id"),
        notices.c.kind == bindparam("c_kind"),
        notices.c.offset_days == bindparam("c_offset"),
    )
    .values(event_id=bindparam("event"))
)
