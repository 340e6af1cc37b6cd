"""Graded attempts from assessment: the evidence completions rest on."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from lms.kit.cloudevents import CloudEvent
from lms.kit.db import insert_ignore
from lms.kit.uow import UnitOfWork
from lms.progress.db import attempts
from lms.progress.enrolment.domain.completion import Pass, best_passes
from lms.progress.enrolment.service.statements import XapiIdentity, attempt_row, keep_statements


def record_attempts(uow: UnitOfWork, identity: XapiIdentity, events: list[CloudEvent]) -> None:
    """The attempts and their xAPI statements, in two multi-row inserts (idempotent by id); new
    statements are announced to the record store by the unit."""
    insert_ignore(uow.session, attempts, [_attempt_row(event.data) for event in events])
    quizzes = [e for e in events if e.data.get("assessment_kind", "quiz") == "quiz"]
    keep_statements(uow, [attempt_row(identity, e.id, e.data) for e in quizzes])


def _attempt_row(data: dict[str, Any]) -> dict[str, Any]:
    columns = ("attempt_id", "learner_id", "assessment_id", "assessment_version", "score", "max_score")
    return {
        **{column: data[column] for column in columns},
        "percent": data["percent"],
        "passed": data["passed"],
        "submitted_at": datetime.fromisoformat(data["submitted_at"]),
    }


def passes_of(session: Session, learner_ids: Iterable[str], wanted: set[str] | None = None) -> list[Row[Any]]:
    """The learners' passed attempts (of `wanted` assessments, when given), best first."""
    query = (
        select(
            attempts.c.learner_id,
            attempts.c.assessment_id,
            attempts.c.attempt_id,
            attempts.c.percent,
            attempts.c.submitted_at,
        )
        .where(attempts.c.learner_id.in_(list(learner_ids)), attempts.c.passed.is_(True))
        .order_by(attempts.c.percent.desc(), attempts.c.submitted_at)
    )
    if wanted is not None:
        query = query.where(attempts.c.assessment_id.in_(wanted))
    return session.execute(query).all()


def best_of(
    rows: Iterable[Row[Any]],
    learner_id: str,
    wanted: set[str],
    until: datetime | None = None,
    since: datetime | None = None,
) -> dict[str, Pass]:
    """Each wanted assessment's best pass by `learner_id`, submitted up to `until` and after
    `since` (each when given)."""
    return best_passes(
        (row.assessment_id, Pass(row.attempt_id, row.percent))
        for row in rows
        if row.learner_id == learner_id
        and row.assessment_id in wanted
        and (until is None or row.submitted_at <= until)
        and (since is None or row.submitted_at > since)
    )


def best_passes_of(
    session: Session, learner_id: str, wanted: set[str], since: datetime | None = None
) -> dict[str, Pass]:
    """Each wanted assessment's best pass; passes from before a first enrolment count, a
    renewal (`since` its opening) counts only newer ones."""
    if not wanted:
        return {}
    return best_of(passes_of(session, [learner_id], wanted), learner_id, wanted, since=since)
