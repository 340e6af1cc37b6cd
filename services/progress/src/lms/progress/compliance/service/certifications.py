"""Every cycle of a learner's compliance history, for the learner, HR and their manager."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from lms.kit.auth import Principal
from lms.progress.compliance.domain.cycles import cycle_state
from lms.progress.compliance.service.cycles import policy_of
from lms.progress.context import Context
from lms.progress.db import assignments, completions, cycles
from lms.progress.directory.service.access import access_for
from lms.progress.errors import Forbidden

POLICY_COLUMNS = [
    assignments.c[name]
    for name in (
        "recertify_every_days",
        "window_days",
        "grace_days",
        "remind_before_days",
        "escalate_after_days",
    )
]


def certifications_of(ctx: Context, principal: Principal, learner_id: str | None) -> dict[str, Any]:
    """The caller's own cycles (learner_id None), or a learner's for HR and their managers."""
    learner_id = learner_id or principal.sub
    with ctx.sessions() as session:
        if not access_for(session, principal, ctx.manager_depth).sees(learner_id):
            raise Forbidden("Only HR and the learner's managers see their certifications.")
        now = ctx.clock()
        return {"learner_id": learner_id, "items": [_item(r, now) for r in _cycles(session, learner_id)]}


def _cycles(session: Session, learner_id: str) -> list[Row[Any]]:
    return session.execute(
        select(cycles, *POLICY_COLUMNS, completions.c.score)
        .join(assignments, assignments.c.id == cycles.c.assignment_id)
        .outerjoin(completions, completions.c.certificate_code == cycles.c.certificate_code)
        .where(cycles.c.learner_id == learner_id)
        .order_by(assignments.c.created_at, cycles.c.assignment_id, cycles.c.cycle)
    ).all()


def _item(row: Row[Any], now: Any) -> dict[str, Any]:
    policy = policy_of(row._mapping)
    return {
        "assignment_id": row.assignment_id,
        "course_id": row.course_id,
        "cycle": row.cycle,
        "course_version": row.course_version,
        "opened_at": row.opened_at,
        "due_at": row.due_at,
        "completed_at": row.completed_at,
        "valid_until": row.valid_until,
        "score": row.score,
        "state": cycle_state(row.status, row.due_at, row.valid_until, policy, now),
        "certificate_code": row.certificate_code,
    }
