"""Events progress consumes: course versions (event-carried state) and graded attempts."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from lms.kit.cloudevents import CloudEvent
from lms.kit.config import Settings
from lms.kit.db import insert_ignore
from lms.kit.inbox import BatchHandler, Handler
from lms.kit.outbox import Outbox
from lms.progress.db import attempts, course_versions, courses, enrolments, xapi_statements
from lms.progress.domain.completion import assessments_of
from lms.progress.emitter import Emitter
from lms.progress.progression import advance, structure_of
from lms.progress.xapi_store import attempt_statement


def course_published(session: Session, event: CloudEvent) -> None:
    data = event.data
    exists = session.scalar(
        select(course_versions.c.version).where(
            course_versions.c.course_id == data["course_id"], course_versions.c.version == data["version"]
        )
    )
    if exists is None:
        session.execute(
            insert(course_versions).values(
                course_id=data["course_id"],
                version=data["version"],
                slug=data["slug"],
                title=data["title"],
                structure=data,
                published_at=datetime.fromisoformat(data["published_at"]),
            )
        )
    latest = session.scalar(select(courses.c.latest_version).where(courses.c.course_id == data["course_id"]))
    if latest is None:
        session.execute(
            insert(courses).values(
                course_id=data["course_id"], latest_version=data["version"], title=data["title"]
            )
        )
    elif latest < data["version"]:
        session.execute(
            update(courses)
            .where(courses.c.course_id == data["course_id"])
            .values(latest_version=data["version"], title=data["title"])
        )


def course_retired(session: Session, event: CloudEvent) -> None:
    session.execute(
        update(courses)
        .where(courses.c.course_id == event.data["course_id"])
        .values(retired_at=datetime.fromisoformat(event.data["retired_at"]))
    )


def record_attempts(session: Session, events: list[CloudEvent]) -> None:
    """The attempts and their xAPI statements, in two multi-row inserts (idempotent by id)."""
    insert_ignore(
        session,
        attempts,
        [
            {
                "attempt_id": d["attempt_id"],
                "learner_id": d["learner_id"],
                "assessment_id": d["assessment_id"],
                "assessment_version": d["assessment_version"],
                "score": d["score"],
                "max_score": d["max_score"],
                "percent": d["percent"],
                "passed": d["passed"],
                "submitted_at": datetime.fromisoformat(d["submitted_at"]),
            }
            for d in (event.data for event in events)
        ],
    )
    insert_ignore(
        session,
        xapi_statements,
        [
            attempt_statement(event.id, event.data)
            for event in events
            if event.data.get("assessment_kind", "quiz") == "quiz"
        ],
    )


def attempts_graded(emitter: Emitter) -> BatchHandler:
    """Record a run of graded attempts; passes may complete modules and courses of active enrolments.

    Attempts are written in order: everything up to a pass is recorded before that pass is
    evaluated, so a completion's evidence never depends on how events were batched.
    """

    def handle(session: Session, events: list[CloudEvent]) -> None:
        pending: list[CloudEvent] = []
        for event in events:
            pending.append(event)
            if event.data["passed"]:
                record_attempts(session, pending)
                pending = []
                _advance_enrolments_using(
                    session, emitter, event.data["learner_id"], event.data["assessment_id"]
                )
        record_attempts(session, pending)

    return handle


def _advance_enrolments_using(
    session: Session, emitter: Emitter, learner_id: str, assessment_id: str
) -> None:
    rows = session.execute(
        select(enrolments.c.id, enrolments.c.course_id, enrolments.c.course_version)
        .where(enrolments.c.learner_id == learner_id, enrolments.c.status == "active")
        .order_by(enrolments.c.id)
    ).all()
    for row in rows:
        if assessment_id in assessments_of(structure_of(session, row.course_id, row.course_version)):
            advance(session, emitter, row.id)


def handlers(settings: Settings, emitter: Emitter | None = None) -> Mapping[str, Handler]:
    emitter = emitter or Emitter(Outbox(source="/progress", topic=settings.topic))
    return {
        "lms.curriculum.course.published.v1": course_published,
        "lms.curriculum.course.retired.v1": course_retired,
    }


def batch_handlers(settings: Settings, emitter: Emitter | None = None) -> Mapping[str, BatchHandler]:
    emitter = emitter or Emitter(Outbox(source="/progress", topic=settings.topic))
    return {"lms.assessment.attempt.graded.v1": attempts_graded(emitter)}
