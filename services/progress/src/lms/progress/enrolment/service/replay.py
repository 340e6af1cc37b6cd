"""Progress's own events, applied to rebuild the read models from the topics (`rebuild`).

Facts are recorded as the events state them (ids, codes and times included), in units of work
without an outbox: nothing is announced again. Curriculum's and assessment's events go through
the live consumer's table.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from lms.kit.cloudevents import CloudEvent
from lms.kit.uow import UnitOfWork
from lms.progress.announcing import Channels
from lms.progress.db import enrolments, lesson_completions, module_completions
from lms.progress.enrolment.domain.completion import completion_evidence
from lms.progress.enrolment.service.completion import evaluation_of, standing_of
from lms.progress.enrolment.service.completion_record import store_completion
from lms.progress.enrolment.service.enrolling import Enrolment, enrolment_row
from lms.progress.enrolment.service.lessons import apply_upgrade
from lms.progress.enrolment.service.pending_writes import Writes
from lms.progress.enrolment.service.reading import enrolment


def _t(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def enrolment_created(uow: UnitOfWork, event: CloudEvent) -> None:
    d = event.data
    request = Enrolment(
        d["learner_id"],
        d.get("learner_name") or d["learner_id"],
        d["course_id"],
        _t(d.get("due_at")),
        d.get("assigned_by"),
        d.get("cycle", 1),
    )
    uow.session.execute(
        insert(enrolments).values(
            **enrolment_row(request, d["enrolment_id"], d["course_version"], _t(d["enrolled_at"]))
        )
    )


def lesson_completed(uow: UnitOfWork, event: CloudEvent) -> None:
    d = event.data
    values = {key: d[key] for key in ("enrolment_id", "lesson_id", "module_id")}
    uow.session.execute(insert(lesson_completions).values(**values, completed_at=_t(d["completed_at"])))


def module_completed(uow: UnitOfWork, event: CloudEvent) -> None:
    d = event.data
    values = {
        "score": d.get("score"),
        "attempt_id": d.get("attempt_id"),
        "completed_at": _t(d["completed_at"]),
    }
    uow.session.execute(
        insert(module_completions).values(enrolment_id=d["enrolment_id"], module_id=d["module_id"], **values)
    )


def enrolment_upgraded(uow: UnitOfWork, event: CloudEvent) -> None:
    d = event.data
    apply_upgrade(uow.session, d["enrolment_id"], d["to_version"], d["dropped_lessons"])


def course_completed(channels: Channels, uow: UnitOfWork, event: CloudEvent) -> None:
    """The completion as it was recorded, its evidence derived by the same rule as live."""
    d, session = event.data, uow.session
    standing = standing_of(session, enrolment(session, d["enrolment_id"]))
    evidence = completion_evidence(
        standing.structure, evaluation_of(session, standing.enrolment), standing.lessons
    )
    writes = Writes()
    store_completion(channels, standing, d, evidence, event.id, writes)
    writes.flush(uow, channels)
    values = {"status": "completed", "completed_at": _t(d["completed_at"])}
    session.execute(update(enrolments).where(enrolments.c.id == d["enrolment_id"]).values(**values))


def recompute_percent(session: Session) -> None:
    """Percentages follow from the replayed facts by the same completion rule."""
    for row in session.execute(enrolments.select()).all():
        percent = evaluation_of(session, row).percent
        session.execute(update(enrolments).where(enrolments.c.id == row.id).values(percent=percent))
