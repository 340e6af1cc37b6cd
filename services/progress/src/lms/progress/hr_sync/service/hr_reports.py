"""HR reports: overdue assignments, and how a course is going (where learners stop)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lms.progress.context import Context
from lms.progress.db import completions, courses, enrolments
from lms.progress.enrolment.service.completion import evaluation_of
from lms.progress.errors import NotFound


def overdue_report(ctx: Context) -> dict[str, Any]:
    """Assigned enrolments past their due date and not completed."""
    with ctx.sessions() as session:
        return {"items": overdue(session)}


def course_report_of(ctx: Context, course_id: str) -> dict[str, Any]:
    """How a course is going: enrolled, completed, average score, where learners stop."""
    with ctx.sessions() as session:
        return course_report(session, course_id)


def overdue(db: Session, now: datetime | None = None) -> list[dict[str, Any]]:
    now = now or datetime.now(UTC)
    rows = db.execute(
        select(enrolments)
        .where(enrolments.c.status == "active", enrolments.c.due_at.is_not(None), enrolments.c.due_at < now)
        .order_by(enrolments.c.due_at, enrolments.c.id)
    ).all()
    return [
        {
            "enrolment_id": r.id,
            "learner_id": r.learner_id,
            "course_id": r.course_id,
            "due_at": r.due_at,
            "days_overdue": (now - r.due_at).days,
            "percent": r.percent,
            "assigned_by": r.assigned_by,
        }
        for r in rows
    ]


def course_report(db: Session, course_id: str) -> dict[str, Any]:
    course = db.execute(select(courses).where(courses.c.course_id == course_id)).first()
    if course is None:
        raise NotFound(f"No published course {course_id}.")
    rows = db.execute(select(enrolments).where(enrolments.c.course_id == course_id)).all()
    completed = sum(1 for r in rows if r.status == "completed")
    average = db.scalar(select(func.avg(completions.c.score)).where(completions.c.course_id == course_id))
    return {
        "course_id": course_id,
        "title": course.title,
        "enrolled": len(rows),
        "completed": completed,
        "completion_rate": round(completed / len(rows), 4) if rows else 0.0,
        "average_score": round(average, 4) if average is not None else None,
        "stopped_at": _stops(db, [r for r in rows if r.status != "completed"]),
    }


def _stops(db: Session, open_rows: list[Any]) -> list[dict[str, Any]]:
    """How many open enrolments wait at each module (their first required module not completed)."""
    stops: Counter[str] = Counter()
    titles: dict[str, str] = {}
    for row in open_rows:
        evaluation = evaluation_of(db, row)
        titles.update({m.module_id: m.title for m in evaluation.modules})
        first_open = next((m for m in evaluation.modules if m.required and not m.completed), None)
        if first_open:
            stops[first_open.module_id] += 1
    return [{"module_id": mid, "title": titles[mid], "learners": n} for mid, n in stops.most_common()]
