"""Ending sessions and waiving AUs: the abandoned and waived statements the LMS writes (cmi5 9.3.6-7).

A session is abandoned when its registration is launched again while it is open, or when the
learner, HR or an admin says so; its token stops working at once and no statement is recorded
for it afterwards. The abandoned statement's duration runs from the launch to the AU's last
statement (cmi5 9.5.4.2). An AU is waived once per registration, by HR or an admin, with a
reason and a session id of its own; a waived AU is satisfied.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from lms.kit.auth import Principal
from lms.kit.uow import UnitOfWork
from lms.records.db import cmi5_sessions
from lms.records.domain.cmi5 import launch as plan
from lms.records.domain.cmi5 import statements
from lms.records.domain.cmi5.course import au_activity_id
from lms.records.domain.cmi5.statements import About
from lms.records.domain.errors import Conflict, Forbidden, Invalid, NotFound
from lms.records.service import sequencing
from lms.records.service.cmi5 import catalog, registrations, sessions
from lms.records.service.cmi5.lms_statements import write_statements
from lms.records.service.context import Context

T = cmi5_sessions.c
OVERSEERS = ("hr", "admin")
REASONS = ("Tested Out", "Equivalent AU", "Equivalent Outside Activity", "Administrative")


def abandon_rows(uow: UnitOfWork, ctx: Context, rows: Iterable[Any], now: datetime) -> None:
    """Abandon these open sessions (locked by the caller) in its transaction."""
    session = uow.session
    written = []
    for row in rows:
        _, au = catalog.au_of(session, row.course_id, row.course_version, row.lesson_id)
        who = plan.actor(ctx.home_page, row.learner_id)
        about = About(who, row.registration, row.id, now)
        activity_id = au_activity_id(ctx.home_page, au.lesson_id)
        written.append(statements.abandoned(about, au, activity_id, row.last_statement - row.launched))
        session.execute(update(cmi5_sessions).where(T.id == row.id).values(state="abandoned"))
    write_statements(uow, ctx, written)


def abandon(ctx: Context, principal: Principal, session_id: str) -> dict[str, Any]:
    """End an open session abnormally: its learner, HR or an admin."""
    with ctx.uow() as uow:
        session = uow.session
        row = session.execute(select(cmi5_sessions).where(T.id == session_id)).first()
        if row is None or not (row.learner_id == principal.sub or principal.has_any(*OVERSEERS)):
            raise NotFound(f"No session {session_id} of yours.")
        enrolled = registrations.Enrolled(row.enrolment_id, row.learner_id, row.course_id, row.course_version)
        course, _ = catalog.au_of(session, row.course_id, row.course_version, row.lesson_id)
        who = plan.actor(ctx.home_page, row.learner_id)
        registrations.lock(uow, course, enrolled, About(who, row.registration, row.id, ctx.clock()), ctx)
        row = sessions.locked(session, session_id)
        if row.state != sessions.OPEN:
            raise Conflict(f"The session is {row.state} already.")
        abandon_rows(uow, ctx, [row], ctx.clock())
        uow.commit()
    sequencing.assign(ctx)
    return {"session_id": session_id, "state": "abandoned"}


def waive(
    ctx: Context, principal: Principal, enrolment_id: str, lesson_id: str, reason: str
) -> dict[str, Any]:
    """Waive an AU of an enrolment (HR, admins): waived, then whatever that satisfies."""
    if not principal.has_any(*OVERSEERS):
        raise Forbidden("Waiving an AU is for HR and admins.")
    if not reason.strip():
        raise Invalid("A waiver gives its reason (cmi5 9.5.5.2), e.g. " + ", ".join(REASONS) + ".")
    with ctx.uow() as uow:
        session = uow.session
        row = catalog.enrolment(session, enrolment_id)
        if row is None:
            raise NotFound(f"No enrolment {enrolment_id} is known here.")
        enrolled = registrations.Enrolled(row.enrolment_id, row.learner_id, row.course_id, row.course_version)
        course, au = catalog.au_of(session, row.course_id, row.course_version, lesson_id)
        about = About(
            plan.actor(ctx.home_page, row.learner_id), enrolled.registration, str(uuid.uuid4()), ctx.clock()
        )
        registrations.lock(uow, course, enrolled, about, ctx)
        progress = registrations.progress_of(session, enrolled.registration, lesson_id)
        if progress.waived:
            raise Conflict("The AU is waived already in this registration.")
        if registrations.is_satisfied(session, enrolled.registration, lesson_id):
            raise Conflict("The AU is satisfied already in this registration.")
        activity_id = au_activity_id(ctx.home_page, lesson_id)
        write_statements(uow, ctx, [statements.waived(about, au, activity_id, reason.strip())])
        registrations.record_progress(session, enrolled.registration, lesson_id, waived=True)
        registrations.settle(uow, ctx, course, enrolled, about, {lesson_id: "waived"})
        uow.commit()
    sequencing.assign(ctx)
    return {
        "enrolment_id": enrolment_id,
        "lesson_id": lesson_id,
        "waived": True,
        "session_id": about.session_id,
    }
