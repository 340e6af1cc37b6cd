"""Applying the completion rule to one enrolment and recording what it newly completes."""

from __future__ import annotations

import secrets
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.orm import Session

from lms.contracts import events
from lms.progress.db import completions, enrolments, lesson_completions, module_completions, people
from lms.progress.domain.completion import Evaluation, ModuleState, completion_evidence, evaluate
from lms.progress.domain.errors import NotFound
from lms.progress.domain.structure import CourseStructure
from lms.progress.service import cycles
from lms.progress.service.attempts import best_passes_of
from lms.progress.service.catalog import structure_of
from lms.progress.service.publishing import Channels, publish
from lms.progress.service.xapi_store import record_completion


@dataclass
class Standing:
    """An enrolment with what it has done: its pinned structure, lessons and recorded modules."""

    enrolment: Row[Any]
    structure: CourseStructure
    lessons: set[str]
    recorded: set[str]


def standing_of(session: Session, enrolment: Row[Any]) -> Standing:
    return standings_of(session, [enrolment])[0]


def standings_of(session: Session, rows: list[Row[Any]]) -> list[Standing]:
    """The standings of several enrolments, with one read of lessons and one of modules."""
    ids = [row.id for row in rows]
    lessons = _grouped(session, lesson_completions.c.enrolment_id, lesson_completions.c.lesson_id, ids)
    recorded = _grouped(session, module_completions.c.enrolment_id, module_completions.c.module_id, ids)
    return [
        Standing(
            row, structure_of(session, row.course_id, row.course_version), lessons[row.id], recorded[row.id]
        )
        for row in rows
    ]


def _grouped(session: Session, key: Any, value: Any, ids: list[str]) -> defaultdict[str, set[str]]:
    found: defaultdict[str, set[str]] = defaultdict(set)
    for k, v in session.execute(select(key, value).where(key.in_(ids))):
        found[k].add(v)
    return found


def evaluation_of(session: Session, enrolment: Row[Any]) -> Evaluation:
    """Where `enrolment` stands now (reads only)."""
    standing = standing_of(session, enrolment)
    wanted = standing.structure.assessment_ids
    passes = best_passes_of(session, enrolment.learner_id, wanted, evidence_since(enrolment))
    return evaluate(standing.structure, standing.lessons, passes)


def evidence_since(enrolment: Row[Any]) -> datetime | None:
    """A renewal counts only attempts submitted after it opened; a first cycle counts any."""
    return enrolment.enrolled_at if enrolment.cycle > 1 else None


def locked_enrolment(session: Session, enrolment_id: str) -> Row[Any]:
    row = session.execute(select(enrolments).where(enrolments.c.id == enrolment_id).with_for_update()).first()
    if row is None:
        raise NotFound(f"No enrolment {enrolment_id}.")
    return row


def advance(session: Session, channels: Channels, enrolment_id: str) -> Evaluation:
    """Lock the enrolment, evaluate it, record and announce what it newly completes (once)."""
    standing = standing_of(session, locked_enrolment(session, enrolment_id))
    wanted = standing.structure.assessment_ids
    passes = best_passes_of(
        session, standing.enrolment.learner_id, wanted, evidence_since(standing.enrolment)
    )
    evaluation = evaluate(standing.structure, standing.lessons, passes)
    record(session, channels, standing, evaluation, channels.clock())
    return evaluation


def record(
    session: Session, channels: Channels, standing: Standing, evaluation: Evaluation, now: datetime
) -> bool:
    """Write and announce what `evaluation` newly completes; True when it completes the course now."""
    for module in evaluation.modules:
        if module.completed and module.module_id not in standing.recorded:
            _complete_module(session, channels, standing, module, now)
    values: dict[str, Any] = {"percent": evaluation.percent}
    completes = evaluation.completed and standing.enrolment.status != "completed"
    if completes:
        values.update(status="completed", completed_at=now)
        _complete_course(session, channels, standing, evaluation, now)
    session.execute(update(enrolments).where(enrolments.c.id == standing.enrolment.id).values(**values))
    return completes


def _complete_module(
    session: Session, channels: Channels, standing: Standing, module: ModuleState, now: datetime
) -> None:
    standing.recorded.add(module.module_id)
    score = module.passed.percent if module.passed else None
    attempt_id = module.passed.attempt_id if module.passed else None
    enrolment = standing.enrolment
    values = {"module_id": module.module_id, "score": score, "attempt_id": attempt_id}
    session.execute(insert(module_completions).values(enrolment_id=enrolment.id, completed_at=now, **values))
    data = {**enrolment_ids(enrolment), **values, "completed_at": now.isoformat()}
    publish(session, channels.outbox, events.MODULE_COMPLETED, data)


def _complete_course(
    session: Session, channels: Channels, standing: Standing, evaluation: Evaluation, now: datetime
) -> None:
    completion_id = str(uuid.uuid4())
    data = {
        "completion_id": completion_id,
        **enrolment_ids(standing.enrolment),
        "completed_at": now.isoformat(),
        "score": evaluation.score,
        "certificate_code": new_certificate_code(),
        **hr_ids(session, standing.enrolment.learner_id),
        "cycle": standing.enrolment.cycle,
    }
    event = publish(session, channels.outbox, events.COURSE_COMPLETED, data)
    evidence = completion_evidence(standing.structure, evaluation, standing.lessons)
    store_completion(session, channels, standing, data, evidence, event.id if event else completion_id)
    cycles.completed(session, data, now)


def store_completion(
    session: Session,
    channels: Channels,
    standing: Standing,
    data: dict[str, Any],
    evidence: dict[str, Any],
    event_id: str,
) -> None:
    """The completion row (the HR feed, CSV, certificate) and its xAPI statement."""
    title = standing.structure.title
    session.execute(
        insert(completions).values(
            id=data["completion_id"],
            enrolment_id=data["enrolment_id"],
            learner_id=data["learner_id"],
            learner_name=standing.enrolment.learner_name,
            course_id=data["course_id"],
            course_title=title,
            course_version=data["course_version"],
            completed_at=datetime.fromisoformat(data["completed_at"]),
            score=data["score"],
            certificate_code=data["certificate_code"],
            external_id=data.get("external_id"),
            employee_number=data.get("employee_number"),
            evidence=evidence,
            event_id=event_id,
            cycle=data.get("cycle", 1),
        )
    )
    record_completion(session, channels.xapi, event_id, data, title)


def hr_ids(session: Session, learner_id: str) -> dict[str, str]:
    """The learner's HR ids, when the directory knows them, so HR matches rows without a lookup."""
    person = session.execute(
        select(people.c.external_id, people.c.employee_number).where(people.c.learner_id == learner_id)
    ).first()
    return {k: v for k, v in (person._asdict() if person else {}).items() if v is not None}


def new_certificate_code() -> str:
    """128 random bits, URL-safe: not guessable, not enumerable."""
    return secrets.token_urlsafe(16)


def enrolment_ids(enrolment: Row[Any]) -> dict[str, Any]:
    return {
        "enrolment_id": enrolment.id,
        "learner_id": enrolment.learner_id,
        "course_id": enrolment.course_id,
        "course_version": enrolment.course_version,
    }
