"""Compliance cycles in the database: the first cycle of an assignment, a cycle's completion
(and the notices it plans), and a renewal cycle once the scheduler opens it."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.orm import Session

from lms.kit.db import insert_ignore
from lms.kit.uow import UnitOfWork
from lms.progress.compliance.domain.cycles import (
    OPEN_CYCLE_KINDS,
    Notice,
    Policy,
    completed_cycle_notices,
    cycle_state,
    open_cycle_notices,
)
from lms.progress.db import assignments, completions, cycles, enrolments, notices


def policy_of(assignment: Mapping[str, Any]) -> Policy:
    return Policy(
        recertify_every_days=assignment["recertify_every_days"],
        window_days=assignment["window_days"],
        grace_days=assignment["grace_days"],
        remind_before_days=tuple(assignment["remind_before_days"] or ()),
        escalate_after_days=assignment["escalate_after_days"],
    )


def open_cycle(
    session: Session,
    assignment: Mapping[str, Any],
    learner_id: str,
    number: int,
    enrolment_id: str,
    due_at: datetime | None,
    now: datetime,
) -> str:
    """Cycle `number` of (assignment, learner) on `enrolment_id`; completed at once when that
    enrolment already is (a first cycle reusing an earlier completion)."""
    cycle_id = str(uuid.uuid4())
    row = {
        "id": cycle_id,
        "assignment_id": assignment["id"],
        "learner_id": learner_id,
        "cycle": number,
        "course_id": assignment["course_id"],
        "enrolment_id": enrolment_id,
        "opened_at": now,
        "due_at": due_at,
        "status": "open",
    }
    session.execute(insert(cycles).values(**row))
    policy = policy_of(assignment)
    done = _completion_of(session, enrolment_id)
    if done is not None:
        _complete(session, cycle_id, policy, done.completed_at, done.course_version, done.certificate_code)
    else:
        plan(session, cycle_id, open_cycle_notices(policy, now, due_at))
    return cycle_id


def completed_many(uow: UnitOfWork, done: Sequence[tuple[Mapping[str, Any], datetime]]) -> None:
    """The completion hook: completions (data, when) complete the open cycles resting on their
    enrolments, in the completing unit's transaction; one read."""
    if not done:
        return
    session = uow.session
    by_enrolment = {data["enrolment_id"]: (data, now) for data, now in done}
    rows = session.execute(
        select(cycles.c.id, cycles.c.enrolment_id.label("completed_enrolment"), assignments)
        .join(assignments, assignments.c.id == cycles.c.assignment_id)
        .where(cycles.c.enrolment_id.in_(list(by_enrolment)), cycles.c.status == "open")
        .order_by(cycles.c.id)
    ).mappings()
    for row in list(rows):
        data, now = by_enrolment[row["completed_enrolment"]]
        version, code = data["course_version"], data["certificate_code"]
        _complete(session, row["id"], policy_of(row), now, version, code)


def current_cycle(session: Session, assignment: Mapping[str, Any], learner_id: str, now: datetime) -> Any:
    """The learner's latest cycle of the assignment with its state, or None."""
    row = session.execute(
        select(cycles)
        .where(cycles.c.assignment_id == assignment["id"], cycles.c.learner_id == learner_id)
        .order_by(cycles.c.cycle.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    state = cycle_state(row.status, row.due_at, row.valid_until, policy_of(assignment), now)
    keys = ("cycle", "status", "due_at", "completed_at", "valid_until", "certificate_code")
    return {**{key: getattr(row, key) for key in keys}, "state": state}


def plan(session: Session, cycle_id: str, planned: list[Notice]) -> None:
    rows = [
        {"cycle_id": cycle_id, "kind": n.kind, "offset_days": n.offset_days, "fire_at": n.fire_at}
        for n in planned
    ]
    insert_ignore(session, notices, [{**row, "state": "pending"} for row in rows])


def _complete(
    session: Session, cycle_id: str, policy: Policy, completed_at: datetime, version: int, code: str
) -> None:
    valid_until = policy.valid_until(completed_at)
    values = {"status": "completed", "completed_at": completed_at, "valid_until": valid_until}
    values |= {"course_version": version, "certificate_code": code}
    session.execute(update(cycles).where(cycles.c.id == cycle_id).values(**values))
    session.execute(
        update(notices)
        .where(
            notices.c.cycle_id == cycle_id, notices.c.state == "pending", notices.c.kind.in_(OPEN_CYCLE_KINDS)
        )
        .values(state="dropped", settled_at=completed_at, reason="completed")
    )
    plan(session, cycle_id, completed_cycle_notices(policy, valid_until))


def _completion_of(session: Session, enrolment_id: str) -> Row[Any] | None:
    return session.execute(
        select(completions.c.completed_at, completions.c.course_version, completions.c.certificate_code)
        .join(enrolments, enrolments.c.id == completions.c.enrolment_id)
        .where(completions.c.enrolment_id == enrolment_id)
    ).first()
