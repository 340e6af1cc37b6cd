"""Where a learner stands on each AU of an enrolment's cmi5 courses (the frontend's view)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from lms.kit.auth import Principal
from lms.records.db import cmi5_aus
from lms.records.domain.cmi5.course import au_activity_id
from lms.records.domain.errors import NotFound
from lms.records.service.cmi5 import catalog
from lms.records.service.context import Context

A = cmi5_aus.c


def aus_of(ctx: Context, principal: Principal, enrolment_id: str) -> dict[str, Any]:
    """Every AU of the pinned version with its progress: the enrolment's learner, HR and admins."""
    with ctx.reads() as session:
        row = catalog.enrolment(session, enrolment_id)
        if row is None or not (row.learner_id == principal.sub or principal.has_any("hr", "admin")):
            raise NotFound(f"No enrolment {enrolment_id} of yours is known here.")
        courses = catalog.courses_of(session, row.course_id, row.course_version)
        reached = {
            r.lesson_id: r for r in session.execute(select(cmi5_aus).where(A.registration == enrolment_id))
        }
    items = [
        _item(ctx, course.module_id, au, reached.get(au.lesson_id))
        for course in courses
        for au in course.aus()
    ]
    return {"enrolment_id": enrolment_id, "registration": enrolment_id, "items": items}


def _item(ctx: Context, module_id: str, au: Any, reached: Any) -> dict[str, Any]:
    return {
        "lesson_id": au.lesson_id,
        "module_id": module_id,
        "au_id": au.id,
        "title": au.title,
        "activity_id": au_activity_id(ctx.home_page, au.lesson_id),
        "launch_method": au.launch_method,
        "move_on": au.move_on,
        "completed": bool(reached and reached.completed),
        "passed": bool(reached and reached.passed),
        "waived": bool(reached and reached.waived),
        "satisfied": bool(reached and reached.satisfied),
        "satisfied_at": reached.satisfied.isoformat() if reached and reached.satisfied else None,
    }
