"""A learner's own steps: completing lessons, and moving to a newer course version."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.orm import Session

from lms.contracts import events
from lms.kit.auth import Principal
from lms.kit.cloudevents import CloudEvent
from lms.kit.uow import UnitOfWork
from lms.progress.announcing import Channels
from lms.progress.catalog.service.course_copies import structure_of
from lms.progress.context import Context
from lms.progress.db import courses, enrolments, lesson_completions
from lms.progress.enrolment.service.completion import advance, locked_enrolment
from lms.progress.enrolment.service.reading import check_visible, view
from lms.progress.enrolment.service.standing import enrolment_ids
from lms.progress.errors import Conflict, NotFound


def complete_lesson(ctx: Context, principal: Principal, enrolment_id: str, lesson_id: str) -> dict[str, Any]:
    """Record a completed lesson of your own enrolment (idempotent) and whatever it completes."""
    with ctx.uow() as uow:
        session = uow.session
        check_visible(session, principal, enrolment_id, hr_allowed=False)
        enrolment = locked_enrolment(session, enrolment_id)
        structure = structure_of(session, enrolment.course_id, enrolment.course_version)
        module_id = structure.module_of(lesson_id)
        if module_id is None:
            raise NotFound(
                f"Lesson {lesson_id} is not part of version {enrolment.course_version} of the course."
            )
        if structure.is_au(lesson_id):
            raise Conflict(
                "This lesson is a cmi5 AU: it is completed when the record store finds its moveOn met "
                "(launch it: POST /enrolments/{id}/aus/{lesson_id}/launches)."
            )
        if not _done(session, enrolment_id, lesson_id):
            _insert_lesson(uow, enrolment, module_id, lesson_id, ctx.clock())
            advance(uow, ctx.channels, enrolment_id)
        result = view(session, enrolment_id)
        uow.commit()
    return result


def au_satisfied(channels: Channels, uow: UnitOfWork, event: CloudEvent) -> None:
    """The consumer's handler of `lms.records.au.satisfied.v1`: the AU's lesson is completed (once).

    An AU satisfied under a version the enrolment has left is counted when that version still has
    the lesson; a lesson completed already changes nothing."""
    data, session = event.data, uow.session
    enrolment = session.execute(
        select(enrolments).where(enrolments.c.id == data["enrolment_id"]).with_for_update()
    ).first()
    if enrolment is None:
        raise NotFound(f"No enrolment {data['enrolment_id']} here yet.")  # retried, then dead-lettered
    structure = structure_of(session, enrolment.course_id, enrolment.course_version)
    module_id = structure.module_of(data["lesson_id"])
    if module_id is None or _done(session, enrolment.id, data["lesson_id"]):
        return
    at = datetime.fromisoformat(data["satisfied_at"])
    _insert_lesson(uow, enrolment, module_id, data["lesson_id"], at)
    advance(uow, channels, enrolment.id)


def _done(session: Session, enrolment_id: str, lesson_id: str) -> bool:
    found = session.scalar(
        select(lesson_completions.c.lesson_id).where(
            lesson_completions.c.enrolment_id == enrolment_id, lesson_completions.c.lesson_id == lesson_id
        )
    )
    return found is not None


def _insert_lesson(
    uow: UnitOfWork, enrolment: Row[Any], module_id: str, lesson_id: str, at: datetime
) -> None:
    values = {"module_id": module_id, "lesson_id": lesson_id}
    uow.session.execute(
        insert(lesson_completions).values(enrolment_id=enrolment.id, completed_at=at, **values)
    )
    data = {**enrolment_ids(enrolment), **values, "completed_at": at.isoformat()}
    uow.announce(events.LESSON_COMPLETED, data)


def upgrade(ctx: Context, principal: Principal, enrolment_id: str) -> dict[str, Any]:
    """Move an active enrolment to the newest version; completed lessons that still exist count."""
    with ctx.uow() as uow:
        session = uow.session
        check_visible(session, principal, enrolment_id)
        enrolment = locked_enrolment(session, enrolment_id)
        if enrolment.status == "completed":
            raise Conflict("A completed enrolment keeps the version it was completed on.")
        latest = session.scalar(
            select(courses.c.latest_version).where(courses.c.course_id == enrolment.course_id)
        )
        if latest != enrolment.course_version:
            _move(uow, enrolment, latest)
            advance(uow, ctx.channels, enrolment_id)
        result = view(session, enrolment_id)
        uow.commit()
    return result


def _move(uow: UnitOfWork, enrolment: Row[Any], latest: int) -> None:
    session = uow.session
    kept = structure_of(session, enrolment.course_id, latest).lesson_ids
    done = session.scalars(
        select(lesson_completions.c.lesson_id).where(lesson_completions.c.enrolment_id == enrolment.id)
    )
    gone = sorted(lesson_id for lesson_id in done if lesson_id not in kept)
    apply_upgrade(session, enrolment.id, latest, gone)
    data = {
        **enrolment_ids(enrolment),
        "from_version": enrolment.course_version,
        "to_version": latest,
        "upgraded_at": datetime.now(UTC).isoformat(),
        "dropped_lessons": gone,
    }
    data.pop("course_version")
    uow.announce(events.ENROLMENT_UPGRADED, data)


def apply_upgrade(session: Session, enrolment_id: str, version: int, dropped_lessons: list[str]) -> None:
    """Pin the enrolment to `version` and forget the lessons that version no longer has."""
    session.execute(update(enrolments).where(enrolments.c.id == enrolment_id).values(course_version=version))
    if dropped_lessons:
        session.execute(
            lesson_completions.delete().where(
                lesson_completions.c.enrolment_id == enrolment_id,
                lesson_completions.c.lesson_id.in_(dropped_lessons),
            )
        )
