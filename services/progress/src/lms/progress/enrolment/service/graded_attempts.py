"""Graded attempts: recorded as evidence; passes may complete modules and courses of active enrolments.

Everything a run of events needs is read once (the affected enrolments under lock, their
lessons and recorded modules, the learners' passes and HR ids); each pass is then evaluated in
order with the evidence submitted up to it, so a completion never depends on how events were
batched, and what the run completes is written at its end, one statement per table.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from lms.kit.cloudevents import CloudEvent
from lms.kit.uow import UnitOfWork
from lms.progress.announcing import Channels
from lms.progress.catalog.service.course_copies import structure_of
from lms.progress.db import enrolments
from lms.progress.enrolment.domain.completion import evaluate
from lms.progress.enrolment.service.completion import evidence_since, record, standings_of
from lms.progress.enrolment.service.evidence import best_of, passes_of, record_attempts
from lms.progress.enrolment.service.pending_writes import Writes
from lms.progress.enrolment.service.standing import Standing

Affected = tuple[Standing, list[dict[str, Any]]]


def apply_attempts_graded(channels: Channels, uow: UnitOfWork, events: list[CloudEvent]) -> None:
    """The consumer's batch handler of `attempt.graded` (in a unit joining the batch's transaction)."""
    session = uow.session
    record_attempts(uow, channels.xapi, events)
    passes = [event.data for event in events if event.data["passed"]]
    affected = _affected(session, passes) if passes else []
    if not affected:
        return
    learners = {standing.enrolment.learner_id for standing, _ in affected}
    evidence: dict[str, list[Row[Any]]] = defaultdict(list)
    for row in passes_of(session, learners):
        evidence[row.learner_id].append(row)  # each learner's stays best first
    writes = Writes()
    writes.know_people(session, learners)
    now = channels.clock()
    for standing, triggers in affected:
        learner = standing.enrolment.learner_id
        _apply(uow, channels, standing, triggers, evidence[learner], now, writes)
    writes.flush(uow, channels)


def _affected(session: Session, passes: list[dict[str, Any]]) -> list[Affected]:
    """Active enrolments (locked, in id order) whose pinned version wants one of these passes."""
    by_learner: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in passes:
        by_learner[p["learner_id"]].append(p)
    found = []
    for row in _active_enrolments(session, sorted(by_learner)):
        wanted = structure_of(session, row.course_id, row.course_version).assessment_ids
        triggers = [p for p in by_learner[row.learner_id] if p["assessment_id"] in wanted]
        if triggers:
            found.append((row, triggers))
    standings = standings_of(session, [row for row, _ in found]) if found else []
    return [(standing, triggers) for standing, (_, triggers) in zip(standings, found, strict=True)]


def _active_enrolments(session: Session, learners: list[str]) -> list[Row[Any]]:
    return session.execute(
        select(enrolments)
        .where(enrolments.c.learner_id.in_(learners), enrolments.c.status == "active")
        .order_by(enrolments.c.id)
        .with_for_update()
    ).all()


def _apply(
    uow: UnitOfWork,
    channels: Channels,
    standing: Standing,
    triggers: list[dict[str, Any]],
    evidence: list[Row[Any]],
    now: datetime,
    writes: Writes,
) -> None:
    learner, wanted = standing.enrolment.learner_id, standing.structure.assessment_ids
    for trigger in triggers:
        until, since = datetime.fromisoformat(trigger["submitted_at"]), evidence_since(standing.enrolment)
        passes = best_of(evidence, learner, wanted, until=until, since=since)
        evaluation = evaluate(standing.structure, standing.lessons, passes)
        if record(uow, channels, standing, evaluation, now, writes):
            return
