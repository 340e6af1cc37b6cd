"""Assignments: HR enrols a learner, optionally with a due date.

The seam for teams and the directory: who may assign whom, and the name a certificate
prints for an assigned learner, are decided here (today: HR may assign anyone; the name is
the learner id until the directory supplies one).
"""

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
