"""Launching an AU for a learner's enrolment (cmi5 8.1, 9.3.1, 9.3.6, 10).

In one transaction, under the registration's lock: the registration starts if it is new (its
NotApplicable AUs satisfied), every open session of the registration is abandoned (cmi5 9.3.6),
a session is made, `LMS.LaunchData` is written for the AU, and the launched statement is stored;
then the learner's frontend gets the launch URL. Only the learner of the enrolment launches.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from lms.kit.auth import Principal
from lms.kit.uow import UnitOfWork
from lms.records.db import cmi5_sessions
from lms.records.domain import documents as kinds
from lms.records.domain.cmi5 import launch as plan
from lms.records.domain.cmi5 import statements
from lms.records.domain.cmi5.course import Au, Cmi5Course, au_activity_id
from lms.records.domain.cmi5.statements import About
from lms.records.domain.documents import Scope
from lms.records.domain.errors import Invalid, NotFound
from lms.records.domain.identities import actor_key
from lms.records.service import sequencing
from lms.records.service.cmi5 import catalog, registrations, sessions
from lms.records.service.cmi5.ending import abandon_rows
from lms.records.service.cmi5.lms_statements import write_statements
from lms.records.service.context import Context
from lms.records.service.documents import store_in

T = cmi5_sessions.c


@dataclass(frozen=True)
class LaunchRequest:
    enrolment_id: str
    lesson_id: str
    launch_mode: str = "Normal"
    return_url: str | None = None


def launch(ctx: Context, principal: Principal, ask: LaunchRequest) -> dict[str, Any]:
    """Make a session for the AU and answer its launch URL."""
    if ask.launch_mode not in plan.LAUNCH_MODES:
        raise Invalid(f"launch_mode is one of {', '.join(plan.LAUNCH_MODES)}.")
    with ctx.uow() as uow:
        session = uow.session
        enrolled = own_enrolment(session, principal, ask.enrolment_id)
        course, au = catalog.au_of(session, enrolled.course_id, enrolled.course_version, ask.lesson_id)
        launched = _launch(uow, ctx, enrolled, course, au, ask)
        uow.commit()
    sequencing.assign(ctx)
    return launched


def own_enrolment(session: Session, principal: Principal, enrolment_id: str) -> registrations.Enrolled:
    """The caller's own enrolment (anyone else's is not found: its existence does not leak)."""
    row = catalog.enrolment(session, enrolment_id)
    if row is None or row.learner_id != principal.sub:
        raise NotFound(f"No enrolment {enrolment_id} of yours is known here (yet: retry in a moment).")
    return registrations.Enrolled(row.enrolment_id, row.learner_id, row.course_id, row.course_version)


def _launch(
    uow: UnitOfWork,
    ctx: Context,
    enrolled: registrations.Enrolled,
    course: Cmi5Course,
    au: Au,
    ask: LaunchRequest,
) -> dict[str, Any]:
    session = uow.session
    session_id, now = str(uuid.uuid4()), ctx.clock()
    who = plan.actor(ctx.home_page, enrolled.learner_id)
    about = About(who, enrolled.registration, session_id, now)
    registrations.lock(uow, course, enrolled, about, ctx)
    abandon_rows(uow, ctx, _open_sessions(session, enrolled.registration), now)
    fetch_secret, fetch_digest = sessions.new_secret()
    activity_id = au_activity_id(ctx.home_page, au.lesson_id)
    base = plan.au_url(ctx.places, course, au)
    parameters = plan.launch_parameters(
        ctx.places, f"{session_id}.{fetch_secret}", who, enrolled.registration, activity_id
    )
    _insert_session(session, session_id, enrolled, course, au, ask.launch_mode, fetch_digest, now)
    data = plan.launch_data(au, session_id, ask.launch_mode, ask.return_url)
    scope = Scope(kinds.STATE, activity_id, actor_key(who) or "", enrolled.registration)
    store_in(session, ctx, scope, plan.LAUNCH_DATA, json.dumps(data).encode(), "application/json")
    write_statements(uow, ctx, [statements.launched(about, au, activity_id, ask.launch_mode, base)])
    return {
        "launch_url": plan.launch_url(base, parameters),
        "launch_method": au.launch_method,
        "launch_mode": ask.launch_mode,
        "session_id": session_id,
        "registration": enrolled.registration,
        "activity_id": activity_id,
        "au_id": au.id,
        "lesson_id": au.lesson_id,
    }


def _open_sessions(session: Session, registration: str) -> list[Any]:
    query = select(cmi5_sessions).where(T.registration == registration, T.state == sessions.OPEN)
    return list(session.execute(query.order_by(T.launched).with_for_update()))


def _insert_session(
    session: Session,
    session_id: str,
    enrolled: registrations.Enrolled,
    course: Cmi5Course,
    au: Au,
    launch_mode: str,
    fetch_digest: str,
    now: Any,
) -> None:
    session.execute(
        insert(cmi5_sessions).values(
            id=session_id,
            registration=enrolled.registration,
            enrolment_id=enrolled.enrolment_id,
            learner_id=enrolled.learner_id,
            course_id=course.course_id,
            course_version=course.version,
            module_id=course.module_id,
            lesson_id=au.lesson_id,
            launch_mode=launch_mode,
            state=sessions.OPEN,
            fetch_digest=fetch_digest,
            launched=now,
            last_statement=now,
        )
    )
