"""Opening a renewal: the next cycle, on a new enrolment pinned to the then-current version."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Row, select

from lms.kit.uow import UnitOfWork
from lms.progress.announcing import Channels
from lms.progress.compliance.service.cycles import open_cycle
from lms.progress.db import assignments, enrolments
from lms.progress.enrolment.service.enrolling import Enrolment, enrol_assigned


def open_renewal(channels: Channels, uow: UnitOfWork, row: Row[Any], now: datetime) -> bool:
    """Open cycle N+1 after completed cycle `row`, due when its certificate expires; False when
    the course takes no new enrolments."""
    session = uow.session
    assignment = (
        session.execute(select(assignments).where(assignments.c.id == row.assignment_id)).mappings().one()
    )
    name = session.scalar(select(enrolments.c.learner_name).where(enrolments.c.id == row.enrolment_id))
    request = Enrolment(
        row.learner_id,
        name or row.learner_id,
        row.course_id,
        due_at=row.valid_until,
        assigned_by=assignment["created_by"],
        cycle=row.cycle + 1,
    )
    enrolment_id = enrol_assigned(channels, uow, request)
    if enrolment_id is None:
        return False
    open_cycle(session, assignment, row.learner_id, row.cycle + 1, enrolment_id, row.valid_until, now)
    return True
