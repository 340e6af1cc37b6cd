"""The reminder events of the compliance cycle, shaped as their contracts say."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row

from lms.contracts import events
from lms.kit.uow import UnitOfWork
from lms.progress.compliance.domain.cycles import DUE_SOON, ESCALATED, EXPIRED, EXPIRING, OVERDUE

EVENTS = {
    DUE_SOON: events.ASSIGNMENT_DUE_SOON,
    OVERDUE: events.ASSIGNMENT_OVERDUE,
    ESCALATED: events.ASSIGNMENT_ESCALATED,
    EXPIRING: events.CERTIFICATION_EXPIRING,
    EXPIRED: events.CERTIFICATION_EXPIRED,
}


def announce(uow: UnitOfWork, row: Row[Any]) -> str | None:
    """The notice's event (and so its webhook deliveries); the event id (None in a unit that
    announces nothing)."""
    event = uow.announce(EVENTS[row.kind], payload(row))
    return event.id if event else None


def payload(row: Row[Any]) -> dict[str, Any]:
    data = {
        "notice_id": f"{row.cycle_id}:{row.kind}:{row.offset_days}",
        "learner_id": row.learner_id,
        "manager_ids": [row.manager_learner_id] if row.manager_learner_id else [],
        "assignment_id": row.assignment_id,
        "course_id": row.course_id,
        "cycle": row.cycle,
        "scheduled_for": row.fire_at.isoformat(),
    }
    return data | _specific(row)


def _specific(row: Row[Any]) -> dict[str, Any]:
    if row.kind == DUE_SOON:
        return {"due_at": row.due_at.isoformat(), "days_before": row.offset_days}
    if row.kind == OVERDUE:
        return {"due_at": row.due_at.isoformat()}
    if row.kind == ESCALATED:
        return {"due_at": row.due_at.isoformat(), "days_overdue": row.offset_days}
    if row.kind == EXPIRING:
        return {"valid_until": row.valid_until.isoformat(), "renewal_cycle": row.cycle + 1}
    return {"valid_until": row.valid_until.isoformat(), "grace_days": row.grace_days or 0}
