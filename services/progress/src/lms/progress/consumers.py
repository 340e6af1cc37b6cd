"""Events progress consumes: course versions (event-carried state) and graded attempts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from lms.kit.cloudevents import CloudEvent
from lms.kit.config import Settings
from lms.kit.db import insert_ignore
from lms.kit.inbox import BatchHandler, Handler
from lms.kit.outbox import Outbox
from lms.progress.db import (
    attempts,
    course_versions,
    courses,
    enrolments,
    lesson_completions,
    module_completions,
    xapi_statements,
)
from lms.progress.domain.completion import Pass, assessments_of, evaluate
from lms.progress.emitter import Emitter
from lms.progress.progression import record, structure_of
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

    Everything a run needs is read once (the affected enrolments under lock, their lessons and
    recorded modules, the learners' passes); each pass is then evaluated in order with the
    evidence submitted up to it, so a completion never depends on how events were batched.
    """

    def handle(session: Session, events: list[CloudEvent]) -> None:
        record_attempts(session, events)
        passes = [event.data for event in events if event.data["passed"]]
        if passes:
            _complete_from(session, emitter, passes)

    return handle


def _complete_from(session: Session, emitter: Emitter, passes: list[dict]) -> None:
    learners = sorted({p["learner_id"] for p in passes})
    affected = []
    for row in session.execute(
        select(enrolments)
        .where(enrolments.c.learner_id.in_(learners), enrolments.c.status == "active")
        .order_by(enrolments.c.id)
        .with_for_update()
    ):
        structure = structure_of(session, row.course_id, row.course_version)
        wanted = assessments_of(structure)
        triggers = [p for p in passes if p["learner_id"] == row.learner_id and p["assessment_id"] in wanted]
        if triggers:
            affected.append((SimpleNamespace(**row._mapping), structure, wanted, triggers))
    if not affected:
        return
    ids = [enrolment.id for enrolment, *_ in affected]
    lessons = _grouped(session, lesson_completions.c.enrolment_id, lesson_completions.c.lesson_id, ids)
    recorded = _grouped(session, module_completions.c.enrolment_id, module_completions.c.module_id, ids)
    evidence = session.execute(
        select(
            attempts.c.learner_id,
            attempts.c.assessment_id,
            attempts.c.attempt_id,
            attempts.c.percent,
            attempts.c.submitted_at,
        )
        .where(attempts.c.learner_id.in_(learners), attempts.c.passed.is_(True))
        .order_by(attempts.c.percent.desc(), attempts.c.submitted_at)
    ).all()
    now = datetime.now(UTC)
    for enrolment, structure, wanted, triggers in affected:
        for trigger in triggers:
            cutoff = datetime.fromisoformat(trigger["submitted_at"])
            best: dict[str, Pass] = {}
            for a in evidence:
                if (
                    a.learner_id == enrolment.learner_id
                    and a.assessment_id in wanted
                    and a.submitted_at <= cutoff
                ):
                    best.setdefault(a.assessment_id, Pass(a.attempt_id, a.percent))
            evaluation = evaluate(structure, lessons[enrolment.id], best)
            if record(
                session,
                emitter,
                enrolment,
                evaluation,
                recorded[enrolment.id],
                lessons[enrolment.id],
                structure,
                now,
            ):
                break


def _grouped(session: Session, key: Any, value: Any, ids: list[str]) -> defaultdict[str, set[str]]:
    found: defaultdict[str, set[str]] = defaultdict(set)
    for k, v in session.execute(select(key, value).where(key.in_(ids))):
        found[k].add(v)
    return found


def handlers(settings: Settings, emitter: Emitter | None = None) -> Mapping[str, Handler]:
    emitter = emitter or Emitter(Outbox(source="/progress", topic=settings.topic))
    return {
        "lms.curriculum.course.published.v1": course_published,
        "lms.curriculum.course.retired.v1": course_retired,
    }


def batch_handlers(settings: Settings, emitter: Emitter | None = None) -> Mapping[str, BatchHandler]:
    emitter = emitter or Emitter(Outbox(source="/progress", topic=settings.topic))
    return {"lms.assessment.attempt.graded.v1": attempts_graded(emitter)}
