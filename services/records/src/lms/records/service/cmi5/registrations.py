"""A registration's satisfaction: AUs satisfied, blocks and the course announced, progress told.

Every change to a registration happens under its row's lock. An AU that becomes satisfied gets
its `satisfied` time and one `lms.records.au.satisfied.v1` (progress counts its lesson); each
block and the course that become satisfied get one satisfied statement (cmi5 9.3.9), with the
session id of the launch that caused it, or of the waive. A registration starts at its first
launch or waive, and its NotApplicable AUs are satisfied then (cmi5 9.6.1).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from lms.contracts import events
from lms.kit.db import insert_ignore
from lms.kit.uow import UnitOfWork
from lms.records.db import cmi5_aus, cmi5_registrations, cmi5_satisfied
from lms.records.domain.cmi5 import statements
from lms.records.domain.cmi5.course import Au, Cmi5Course, block_activity_id, course_activity_id
from lms.records.domain.cmi5.satisfaction import AuProgress, meets_move_on, newly_satisfied
from lms.records.domain.cmi5.statements import About
from lms.records.service.cmi5.lms_statements import write_statements
from lms.records.service.context import Context

A, R, S = cmi5_aus.c, cmi5_registrations.c, cmi5_satisfied.c


@dataclass(frozen=True)
class Enrolled:
    """The enrolment a registration is: whose, which course version."""

    enrolment_id: str
    learner_id: str
    course_id: str
    course_version: int

    @property
    def registration(self) -> str:
        return self.enrolment_id


def lock(uow: UnitOfWork, course: Cmi5Course, enrolled: Enrolled, about: About, ctx: Context) -> None:
    """Take the registration's lock; a registration that starts now satisfies its NotApplicable AUs."""
    session = uow.session
    created = insert_ignore(
        session,
        cmi5_registrations,
        [{"registration": enrolled.registration, "module_id": course.module_id, "created": about.at}],
        returning="registration",
    )
    session.execute(
        select(R.registration)
        .where(R.registration == enrolled.registration, R.module_id == course.module_id)
        .with_for_update()
    ).one()
    if created:
        free = [au for au in course.aus() if au.move_on == "NotApplicable"]
        settle(uow, ctx, course, enrolled, about, {au.lesson_id: "not_applicable" for au in free})


def progress_of(session: Session, registration: str, lesson_id: str) -> AuProgress:
    row = session.execute(
        select(A.completed, A.passed, A.waived).where(
            A.registration == registration, A.lesson_id == lesson_id
        )
    ).first()
    return AuProgress(row.completed, row.passed, row.waived) if row else AuProgress()


def record_progress(session: Session, registration: str, lesson_id: str, **values: bool) -> None:
    insert_ignore(session, cmi5_aus, [{"registration": registration, "lesson_id": lesson_id}])
    if values:
        session.execute(
            update(cmi5_aus).where(A.registration == registration, A.lesson_id == lesson_id).values(**values)
        )


def satisfied_by(au: Au, progress: AuProgress, reason: str) -> dict[str, str]:
    """{lesson id: reason} when the AU's progress meets its moveOn, else {}."""
    return {au.lesson_id: reason} if meets_move_on(au.move_on, progress) else {}


def settle(
    uow: UnitOfWork,
    ctx: Context,
    course: Cmi5Course,
    enrolled: Enrolled,
    about: About,
    reasons: dict[str, str],
) -> None:
    """Satisfy the AUs of `reasons` (lesson id -> why) not satisfied yet; announce what that completes."""
    session = uow.session
    registration = enrolled.registration
    already = set(
        session.scalars(select(A.lesson_id).where(A.registration == registration, A.satisfied.is_not(None)))
    )
    fresh = {lesson: why for lesson, why in reasons.items() if lesson not in already}
    for lesson_id, why in fresh.items():
        record_progress(session, registration, lesson_id)
        session.execute(
            update(cmi5_aus)
            .where(A.registration == registration, A.lesson_id == lesson_id)
            .values(satisfied=about.at)
        )
        au = course.au(lesson_id)
        assert au is not None
        uow.announce(events.AU_SATISFIED, _event(course, enrolled, au, why, about.at))
    if fresh:
        _announce(uow, ctx, course, registration, already | set(fresh), about)


def _announce(
    uow: UnitOfWork, ctx: Context, course: Cmi5Course, registration: str, satisfied: set[str], about: About
) -> None:
    session = uow.session
    keys = {_key(b.id): b.id for b in course.blocks_inner_first()} | {
        _key(course.publisher_id): course.publisher_id
    }
    announced_keys = set(
        session.scalars(select(S.object_key).where(S.registration == registration, S.object_key.in_(keys)))
    )
    newly = newly_satisfied(course, satisfied, {keys[k] for k in announced_keys})
    home = ctx.home_page
    written = [
        statements.satisfied(about, block_activity_id(home, course.module_id, b.id), b.id, "block")
        for b in newly.blocks
    ]
    objects = [b.id for b in newly.blocks]
    if newly.course:
        written.append(
            statements.satisfied(
                about, course_activity_id(home, course.module_id), course.publisher_id, "course"
            )
        )
        objects.append(course.publisher_id)
    insert_ignore(
        session, cmi5_satisfied, [{"registration": registration, "object_key": _key(o)} for o in objects]
    )
    write_statements(uow, ctx, written)


def _event(course: Cmi5Course, enrolled: Enrolled, au: Au, reason: str, at: datetime) -> dict[str, Any]:
    return {
        "registration": enrolled.registration,
        "enrolment_id": enrolled.enrolment_id,
        "learner_id": enrolled.learner_id,
        "course_id": course.course_id,
        "course_version": course.version,
        "module_id": course.module_id,
        "lesson_id": au.lesson_id,
        "au_id": au.id,
        "reason": reason,
        "satisfied_at": at.isoformat(),
    }


def _key(publisher_id: str) -> str:
    return hashlib.sha256(publisher_id.encode()).hexdigest()


def is_satisfied(session: Session, registration: str, lesson_id: str) -> bool:
    found = session.scalar(
        select(A.satisfied).where(A.registration == registration, A.lesson_id == lesson_id)
    )
    return found is not None
