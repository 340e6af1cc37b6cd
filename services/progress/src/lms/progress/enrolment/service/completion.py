"""Applying the completion rule to one enrolment and recording what it newly completes."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from lms.contracts import events
from lms.kit.uow import UnitOfWork
from lms.progress.announcing import Channels
from lms.progress.catalog.service.course_copies import structure_of
from lms.progress.db import enrolments, lesson_completions, module_completions
from lms.progress.enrolment.domain.completion import Evaluation, ModuleState, evaluate
from lms.progress.enrolment.service.completion_record import complete_course
from lms.progress.enrolment.service.evidence import best_passes_of
from lms.progress.enrolment.service.pending_writes import Writes
from lms.progress.enrolment.service.standing import Standing, enrolment_ids
from lms.progress.errors import NotFound


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


def advance(uow: UnitOfWork, channels: Channels, enrolment_id: str) -> Evaluation:
    """Lock the enrolment, evaluate it, record and announce what it newly completes (once)."""
    session = uow.session
    standing = standing_of(session, locked_enrolment(session, enrolment_id))
    wanted = standing.structure.assessment_ids
    passes = best_passes_of(
        session, standing.enrolment.learner_id, wanted, evidence_since(standing.enrolment)
    )
    evaluation = evaluate(standing.structure, standing.lessons, passes)
    writes = Writes()
    record(uow, channels, standing, evaluation, channels.clock(), writes)
    writes.flush(uow, channels)
    return evaluation


def record(
    uow: UnitOfWork,
    channels: Channels,
    standing: Standing,
    evaluation: Evaluation,
    now: datetime,
    writes: Writes,
) -> bool:
    """Announce what `evaluation` newly completes and put its rows in `writes`; True when it
    completes the course now."""
    for module in evaluation.modules:
        if module.completed and module.module_id not in standing.recorded:
            _complete_module(uow, standing, module, now, writes)
    values: dict[str, Any] = {"percent": evaluation.percent}
    completes = evaluation.completed and standing.enrolment.status != "completed"
    if completes:
        values.update(status="completed", completed_at=now)
        complete_course(uow, channels, standing, evaluation, now, writes)
    writes.change_enrolment(standing.enrolment.id, values)
    return completes


def _complete_module(
    uow: UnitOfWork,
    standing: Standing,
    module: ModuleState,
    now: datetime,
    writes: Writes,
) -> None:
    standing.recorded.add(module.module_id)
    score = module.passed.percent if module.passed else None
    attempt_id = module.passed.attempt_id if module.passed else None
    enrolment = standing.enrolment
    values = {"module_id": module.module_id, "score": score, "attempt_id": attempt_id}
    writes.modules.append({"enrolment_id": enrolment.id, "completed_at": now, **values})
    data = {**enrolment_ids(enrolment), **values, "completed_at": now.isoformat()}
    uow.announce(events.MODULE_COMPLETED, data)
