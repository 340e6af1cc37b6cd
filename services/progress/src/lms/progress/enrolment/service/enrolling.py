"""Enrolling: on the latest published version, once per learner and course."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lms.contracts import events
from lms.kit.auth import Principal
from lms.kit.uow import UnitOfWork
from lms.progress.announcing import Channels
from lms.progress.catalog.service import course_copies
from lms.progress.context import Context
from lms.progress.db import enrolments
from lms.progress.enrolment.service.completion import advance
from lms.progress.enrolment.service.reading import view
from lms.progress.errors import AlreadyEnrolled, Invalid, Unavailable


@dataclass(frozen=True)
class Enrolment:
    """Who is enrolled where; `learner_name` is what certificates print."""

    learner_id: str
    learner_name: str
    course_id: str
    due_at: datetime | None = None
    assigned_by: str | None = None
    cycle: int = 1  # 2, 3, ...: a recertification's fresh enrolment


def enrol_self(
    ctx: Context, principal: Principal, course_id: str, due_at: datetime | None, authorization: str | None
) -> dict[str, Any]:
    """Enrol the caller; the certificate name is the token's `name` claim (else the subject)."""
    return enrol(
        ctx, Enrolment(principal.sub, principal.name or principal.sub, course_id, due_at), authorization
    )


def enrol(ctx: Context, request: Enrolment, authorization: str | None = None) -> dict[str, Any]:
    """Enrol on the latest published version; AlreadyEnrolled (with the existing one) when enrolled."""
    ensure_known(ctx, request.course_id, authorization)
    try:
        with ctx.uow() as uow:
            enrolment_id = _insert(ctx.channels, uow, request)
            uow.commit()
    except IntegrityError:  # a concurrent request enrolled the same learner first
        with ctx.sessions() as session:
            _refuse_duplicate(session, request)
        raise
    with ctx.sessions() as session:
        return view(session, enrolment_id)


def ensure_known(ctx: Context, course_id: str, authorization: str | None) -> None:
    """Read-your-writes: the version curriculum has just published is the one enrolled on, though
    its event may still be in flight (a course this copy has not heard of, or a newer version of
    one it has). While curriculum cannot answer, a course this copy knows is enrolled on as known."""
    with ctx.sessions() as session:
        known = course_copies.course(session, course_id)
    if ctx.curriculum is None or (known is not None and known.retired_at is not None):
        return
    try:
        published = ctx.curriculum.published(course_id, authorization)
    except Unavailable:
        if known is None:
            raise
        return
    if published is not None and (known is None or published["version"] > known.latest_version):
        with ctx.uow() as uow:
            course_copies.record_course_version(uow.session, published)
            uow.commit()


def _insert(channels: Channels, uow: UnitOfWork, request: Enrolment) -> str:
    session = uow.session
    course = course_copies.course(session, request.course_id)
    if course is None:
        raise Invalid(f"Course {request.course_id} is unknown or not published.")
    if course.retired_at is not None:
        raise Invalid(f"Course {request.course_id} is retired: it takes no new enrolments.")
    _refuse_duplicate(session, request)
    enrolment_id, now = str(uuid.uuid4()), channels.clock()
    session.execute(
        insert(enrolments).values(**enrolment_row(request, enrolment_id, course.latest_version, now))
    )
    uow.announce(events.ENROLMENT_CREATED, _created(request, enrolment_id, course.latest_version, now))
    advance(uow, channels, enrolment_id)
    return enrolment_id


def enrol_assigned(channels: Channels, uow: UnitOfWork, request: Enrolment) -> str | None:
    """In the caller's unit: the learner's enrolment on the course, existing or new; None when the
    course takes no new enrolments (unknown here, or retired)."""
    existing = existing_enrolment(uow.session, request)
    if existing:
        return existing
    course = course_copies.course(uow.session, request.course_id)
    if course is None or course.retired_at is not None:
        return None
    return _insert(channels, uow, request)


def enrolment_row(request: Enrolment, enrolment_id: str, version: int, now: datetime) -> dict[str, Any]:
    return {
        "id": enrolment_id,
        "learner_id": request.learner_id,
        "learner_name": request.learner_name,
        "course_id": request.course_id,
        "course_version": version,
        "status": "active",
        "percent": 0.0,
        "enrolled_at": now,
        "due_at": request.due_at,
        "assigned_by": request.assigned_by,
        "cycle": request.cycle,
    }


def _created(request: Enrolment, enrolment_id: str, version: int, now: datetime) -> dict[str, Any]:
    return {
        "enrolment_id": enrolment_id,
        "learner_id": request.learner_id,
        "course_id": request.course_id,
        "course_version": version,
        "enrolled_at": now.isoformat(),
        "due_at": request.due_at.isoformat() if request.due_at else None,
        "assigned_by": request.assigned_by,
        "learner_name": request.learner_name,
        "cycle": request.cycle,
    }


def existing_enrolment(session: Session, request: Enrolment) -> str | None:
    """The learner's enrolment on the course: of the requested cycle, or (cycle 1) the latest."""
    query = select(enrolments.c.id).where(
        enrolments.c.learner_id == request.learner_id, enrolments.c.course_id == request.course_id
    )
    if request.cycle > 1:
        query = query.where(enrolments.c.cycle == request.cycle)
    return session.scalar(query.order_by(enrolments.c.cycle.desc()).limit(1))


def _refuse_duplicate(session: Session, request: Enrolment) -> None:
    existing = existing_enrolment(session, request)
    if existing:
        raise AlreadyEnrolled("The learner is enrolled on this course already.", view(session, existing))
