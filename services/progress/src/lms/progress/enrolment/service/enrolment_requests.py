"""`POST /enrolments`: a learner enrols themselves, or HR enrols another learner, optionally with a
due date. HR may enrol anyone; the certificate of an HR enrolment prints the learner id (a
team's assignments are `teams.service.assignments`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from lms.kit.auth import Principal
from lms.progress.context import Context
from lms.progress.enrolment.service.enrolling import Enrolment, enrol, enrol_self
from lms.progress.errors import Forbidden

HR = ("hr",)


def request_enrolment(
    ctx: Context,
    principal: Principal,
    course_id: str,
    learner_id: str | None,
    due_at: datetime | None,
    authorization: str | None = None,
) -> dict[str, Any]:
    """Enrol yourself, or (HR) assign `learner_id`."""
    if not learner_id or learner_id == principal.sub:
        return enrol_self(ctx, principal, course_id, due_at, authorization)
    return assign(ctx, principal, learner_id, course_id, due_at, authorization)


def assign(
    ctx: Context,
    principal: Principal,
    learner_id: str,
    course_id: str,
    due_at: datetime | None,
    authorization: str | None = None,
) -> dict[str, Any]:
    """HR enrols another learner; the assignment records who assigned it."""
    if not principal.has_any(*HR):
        raise Forbidden("Only HR may enrol other learners.")
    request = Enrolment(learner_id, learner_id, course_id, due_at, assigned_by=principal.sub)
    return enrol(ctx, request, authorization)
