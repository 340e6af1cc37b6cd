"""The compliance report per team and course: who is compliant now, expiring within 30 days,
overdue or never started, named; as JSON and as CSV (formula-like cells neutralised)."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from lms.kit.access import Access
from lms.kit.auth import Principal
from lms.progress.compliance.domain.report import CycleFacts, standing
from lms.progress.context import Context
from lms.progress.db import assigned_learners, assignments, cycles, enrolments, people
from lms.progress.directory.service.access import access_for, team_of
from lms.progress.errors import Forbidden
from lms.progress.hr_sync.domain.export import safe_cell

GROUPS = ("compliant", "expiring", "overdue", "never_started", "in_progress")
CSV_COLUMNS = (
    "learner_id",
    "name",
    "course_id",
    "assignment_id",
    "cycle",
    "standing",
    "due_at",
    "valid_until",
)


def report(ctx: Context, principal: Principal, team_id: str | None, course_id: str | None) -> dict[str, Any]:
    """HR: any team (or all); a team's manager: their team; a manager of some of its members: those."""
    with ctx.sessions() as session:
        shown = _shown(session, access_for(session, principal, ctx.manager_depth), team_id)
        standings = _standings(session, team_id, course_id, ctx.clock())
    people_rows = [p for p in standings if shown(p["learner_id"])]
    compliant = [p for p in people_rows if p["standing"] in ("compliant", "expiring")]
    by_group = {group: [p for p in people_rows if p["standing"] == group] for group in GROUPS}
    assigned = len(people_rows)
    return {
        "team_id": team_id,
        "course_id": course_id,
        "as_of": ctx.clock(),
        "assigned": assigned,
        "compliant_count": len(compliant),
        "compliant_pct": round(100 * len(compliant) / assigned, 1) if assigned else None,
        "compliant": compliant,
        "expiring_within_30_days": by_group["expiring"],
        "overdue": by_group["overdue"],
        "never_started": by_group["never_started"],
        "in_progress": by_group["in_progress"],
    }


def report_csv(
    ctx: Context, principal: Principal, team_id: str | None, course_id: str | None
) -> Iterator[str]:
    rows = report(ctx, principal, team_id, course_id)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for group in ("compliant", "overdue", "never_started", "in_progress"):
        for person in rows[group]:
            writer.writerow([safe_cell(_text(person[column])) for column in CSV_COLUMNS])
    yield buffer.getvalue()


def _text(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _shown(session: Session, access: Access, team_id: str | None) -> Callable[[str], bool]:
    """Whose rows the caller may read: everyone (HR), the team's members they see, or 403."""
    if access.overseer:
        return lambda _learner: True
    view = access.team(team_of(session, team_id))
    if not view.visible:
        raise Forbidden("Only HR and the team's managers see its compliance report.")
    return lambda learner: view.whole or learner in view.members


def _standings(
    session: Session, team_id: str | None, course_id: str | None, now: Any
) -> list[dict[str, Any]]:
    grouped: dict[tuple[str, str], list[Row[Any]]] = defaultdict(list)
    for row in session.execute(_query(team_id, course_id)):
        grouped[(row.assignment_id, row.learner_id)].append(row)
    return [_person(rows, now) for rows in grouped.values()]


def _person(rows: list[Row[Any]], now: Any) -> dict[str, Any]:
    facts = [CycleFacts(r.cycle, r.status, r.due_at, r.valid_until, (r.percent or 0) > 0) for r in rows]
    latest = max(rows, key=lambda r: r.cycle)
    grace = timedelta(days=latest.grace_days or 0)
    valid = [r.valid_until for r in rows if r.status == "completed" and r.valid_until is not None]
    return {
        "learner_id": latest.learner_id,
        "name": latest.display_name or latest.learner_name or latest.learner_id,
        "course_id": latest.course_id,
        "assignment_id": latest.assignment_id,
        "cycle": latest.cycle,
        "standing": standing(facts, grace, now),
        "due_at": latest.due_at if latest.status == "open" else None,
        "valid_until": max(valid) if valid else None,
    }


def _query(team_id: str | None, course_id: str | None) -> Any:
    query = (
        select(
            cycles,
            assignments.c.grace_days,
            enrolments.c.percent,
            enrolments.c.learner_name,
            people.c.display_name,
        )
        .join(assignments, assignments.c.id == cycles.c.assignment_id)
        .join(
            assigned_learners,
            (assigned_learners.c.assignment_id == cycles.c.assignment_id)
            & (assigned_learners.c.learner_id == cycles.c.learner_id),
        )
        .outerjoin(enrolments, enrolments.c.id == cycles.c.enrolment_id)
        .outerjoin(people, people.c.learner_id == cycles.c.learner_id)
        .where(assigned_learners.c.status == "open", assignments.c.status == "active")
        .order_by(cycles.c.learner_id, cycles.c.assignment_id, cycles.c.cycle)
    )
    if team_id:
        query = query.where(assignments.c.team_id == team_id)
    if course_id:
        query = query.where(cycles.c.course_id == course_id)
    return query
