"""Curriculum's course events: the local catalogue, then the diagnostics that graded without it.

A course published (or retired) at time P whose event arrives after a diagnostic graded at or
after P would have changed that diagnostic's recommendations: they are computed again, stored,
and `diagnostic.completed` is emitted again for that attempt (decision 0038).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update

from lms.assessment.db import attempts, course_modules, recent_diagnostics
from lms.assessment.domain.diagnostics import modules_for
from lms.assessment.service import catalog
from lms.assessment.service.grading import diagnostic_completed
from lms.contracts import events
from lms.kit.cloudevents import CloudEvent, event_time
from lms.kit.uow import UnitOfWork

CLOCK_SKEW = timedelta(minutes=1)  # between curriculum's clock and ours
KEPT_FOR = timedelta(days=7)  # a course event later than this no longer revises diagnostics


def apply_course_published(uow: UnitOfWork, event: CloudEvent) -> None:
    """Keep the course version's modules; revise diagnostics graded since it was published."""
    catalog.change_catalogue(uow.session)
    catalog.apply_course_published(uow.session, event)
    taught = {c for m in event.data["modules"] for c in m.get("competencies") or ()}
    revise_diagnostics(uow, taught, event_time(event.data["published_at"]))


def apply_course_retired(uow: UnitOfWork, event: CloudEvent) -> None:
    """Stop recommending the course; revise diagnostics graded since it was retired."""
    session = uow.session
    catalog.change_catalogue(session)
    catalog.apply_course_retired(session, event)
    rows = session.scalars(
        select(course_modules.c.competencies).where(course_modules.c.course_id == event.data["course_id"])
    )
    taught = {c for competencies in rows for c in competencies}
    revise_diagnostics(uow, taught, event_time(event.data["retired_at"]))


def revise_diagnostics(uow: UnitOfWork, taught: set[str], since: datetime) -> int:
    """Recompute the recommendations of diagnostics graded since `since` that are weak in `taught`."""
    session = uow.session
    session.execute(delete(recent_diagnostics).where(recent_diagnostics.c.graded_at < _now() - KEPT_FOR))
    found = session.execute(
        select(recent_diagnostics).where(recent_diagnostics.c.graded_at >= since - CLOCK_SKEW)
    ).all()
    affected = [row for row in found if taught.intersection(row.weak)]
    modules = catalog.current_modules(session) if affected else []
    return sum(_revise(uow, row.attempt_id, row.weak, modules) for row in affected)


def _revise(uow: UnitOfWork, attempt_id: str, weak: list[str], modules: list[Any]) -> bool:
    session = uow.session
    attempt = session.execute(select(attempts).where(attempts.c.id == attempt_id)).one()
    recommended = [asdict(r) for r in modules_for(weak, modules)]
    if recommended == attempt.result["recommended_modules"]:
        return False
    result = {**attempt.result, "recommended_modules": recommended}
    session.execute(update(attempts).where(attempts.c.id == attempt_id).values(result=result))
    completed = diagnostic_completed(attempt, result, attempt.graded_at)
    uow.announce(events.DIAGNOSTIC_COMPLETED, completed)
    return True


def _now() -> datetime:
    return datetime.now(UTC)
