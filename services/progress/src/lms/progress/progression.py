"""Applying the completion rule to one enrolment and recording what it newly completes."""

from __future__ import annotations

import secrets
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from lms.progress.db import (
    attempts,
    completions,
    course_versions,
    enrolments,
    lesson_completions,
    module_completions,
)
from lms.progress.domain.completion import Evaluation, Pass, assessments_of, evaluate
from lms.progress.emitter import COURSE_COMPLETED, MODULE_COMPLETED, Emitter
from lms.progress.xapi_store import record_completion

_structures: dict[tuple[str, int], dict[str, Any]] = {}


def structure_of(db: Session, course_id: str, version: int) -> dict[str, Any]:
    """A published course version's structure; versions never change, so each is read once."""
    key = (course_id, version)
    if key not in _structures:
        structure = db.scalar(
            select(course_versions.c.structure).where(
                course_versions.c.course_id == course_id, course_versions.c.version == version
            )
        )
        if structure is None:
            return structure
        if len(_structures) > 2_000:
            _structures.clear()
        _structures[key] = structure
    return _structures[key]


def evaluation_of(db: Session, enrolment: Any) -> Evaluation:
    structure = structure_of(db, enrolment.course_id, enrolment.course_version)
    done = set(
        db.scalars(
            select(lesson_completions.c.lesson_id).where(lesson_completions.c.enrolment_id == enrolment.id)
        )
    )
    return evaluate(structure, done, best_passes(db, enrolment.learner_id, assessments_of(structure)))


def best_passes(db: Session, learner_id: str, assessment_ids: set[str]) -> dict[str, Pass]:
    """Each assessment's best passed attempt (earliest among equals); passes before enrolling count."""
    if not assessment_ids:
        return {}
    rows = db.execute(
        select(attempts.c.assessment_id, attempts.c.attempt_id, attempts.c.percent)
        .where(
            attempts.c.learner_id == learner_id,
            attempts.c.passed.is_(True),
            attempts.c.assessment_id.in_(assessment_ids),
        )
        .order_by(attempts.c.percent.desc(), attempts.c.submitted_at)
    ).all()
    best: dict[str, Pass] = {}
    for row in rows:
        best.setdefault(row.assessment_id, Pass(row.attempt_id, row.percent))
    return best


def advance(db: Session, emitter: Emitter, enrolment_id: str) -> Evaluation:
    """Lock the enrolment, evaluate it, record and announce what it newly completes (once)."""
    enrolment = db.execute(select(enrolments).where(enrolments.c.id == enrolment_id).with_for_update()).one()
    structure = structure_of(db, enrolment.course_id, enrolment.course_version)
    lessons = set(
        db.scalars(
            select(lesson_completions.c.lesson_id).where(lesson_completions.c.enrolment_id == enrolment.id)
        )
    )
    recorded = set(
        db.scalars(
            select(module_completions.c.module_id).where(module_completions.c.enrolment_id == enrolment.id)
        )
    )
    evaluation = evaluate(
        structure, lessons, best_passes(db, enrolment.learner_id, assessments_of(structure))
    )
    record(db, emitter, enrolment, evaluation, recorded, lessons, structure, datetime.now(UTC))
    return evaluation


def record(
    db: Session,
    emitter: Emitter,
    enrolment: Any,
    evaluation: Evaluation,
    recorded: set[str],
    lessons: set[str],
    structure: dict[str, Any],
    now: datetime,
) -> bool:
    """Write and announce what `evaluation` newly completes; True when it completes the course now.

    `recorded` (the module ids completed before) is updated in place.
    """
    for module in evaluation.modules:
        if module.completed and module.module_id not in recorded:
            recorded.add(module.module_id)
            score = module.passed.percent if module.passed else None
            attempt_id = module.passed.attempt_id if module.passed else None
            db.execute(
                insert(module_completions).values(
                    enrolment_id=enrolment.id,
                    module_id=module.module_id,
                    completed_at=now,
                    score=score,
                    attempt_id=attempt_id,
                )
            )
            emitter.emit(
                db,
                MODULE_COMPLETED,
                enrolment.learner_id,
                {
                    **_ids(enrolment),
                    "module_id": module.module_id,
                    "completed_at": now.isoformat(),
                    "score": score,
                    "attempt_id": attempt_id,
                },
            )
    values: dict[str, Any] = {"percent": evaluation.percent}
    completes = evaluation.completed and enrolment.status != "completed"
    if completes:
        values.update(status="completed", completed_at=now)
        _complete_course(db, emitter, enrolment, evaluation, now, lessons, structure)
    db.execute(update(enrolments).where(enrolments.c.id == enrolment.id).values(**values))
    return completes


def _complete_course(
    db: Session,
    emitter: Emitter,
    enrolment: Any,
    evaluation: Evaluation,
    now: datetime,
    lessons: set[str],
    structure: dict[str, Any],
) -> None:
    completion_id, code = str(uuid.uuid4()), new_certificate_code()
    evidence = {
        "course_version": enrolment.course_version,
        "modules": [m.module_id for m in evaluation.modules if m.completed],
        "lessons": sorted(lessons),
        "attempts": [
            {"assessment_id": m.assessment_id, "attempt_id": m.passed.attempt_id, "percent": m.passed.percent}
            for m in evaluation.modules
            if m.passed
        ],
    }
    data = {
        "completion_id": completion_id,
        **_ids(enrolment),
        "completed_at": now.isoformat(),
        "score": evaluation.score,
        "certificate_code": code,
    }
    event = emitter.emit(db, COURSE_COMPLETED, enrolment.learner_id, data)
    store_completion(
        db,
        data,
        enrolment.learner_name,
        structure.get("title", ""),
        evidence,
        event.id if event else completion_id,
    )


def store_completion(
    db: Session,
    data: dict[str, Any],
    learner_name: str,
    course_title: str,
    evidence: dict[str, Any],
    event_id: str,
) -> None:
    """The completion row (the HR feed, CSV, certificate) and its xAPI statement."""
    completed_at = datetime.fromisoformat(data["completed_at"])
    db.execute(
        insert(completions).values(
            id=data["completion_id"],
            enrolment_id=data["enrolment_id"],
            learner_id=data["learner_id"],
            learner_name=learner_name,
            course_id=data["course_id"],
            course_title=course_title,
            course_version=data["course_version"],
            completed_at=completed_at,
            score=data["score"],
            certificate_code=data["certificate_code"],
            evidence=evidence,
            event_id=event_id,
        )
    )
    record_completion(db, event_id, data, course_title)


def new_certificate_code() -> str:
    """128 random bits, URL-safe: not guessable, not enumerable."""
    return secrets.token_urlsafe(16)


def _ids(enrolment: Any) -> dict[str, Any]:
    return {
        "enrolment_id": enrolment.id,
        "learner_id": enrolment.learner_id,
        "course_id": enrolment.course_id,
        "course_version": enrolment.course_version,
    }
