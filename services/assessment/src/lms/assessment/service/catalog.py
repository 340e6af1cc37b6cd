"""The local copy of published course structure (from curriculum's events), for recommendations."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.orm import Session

from lms.assessment.db import course_modules, courses, recent_diagnostics
from lms.assessment.domain.diagnostics import CourseModule, weak_of
from lms.kit.cloudevents import CloudEvent
from lms.kit.db import insert_ignore_statement

CATALOGUE_LOCK = 0x4C4D5341  # a PostgreSQL advisory lock: course events vs diagnostic grading


def read_catalogue(session: Session) -> None:
    """Wait for a course event being applied; diagnostics read the catalogue under this (shared) lock."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock_shared(:k)"), {"k": CATALOGUE_LOCK})


def change_catalogue(session: Session) -> None:
    """Wait for diagnostics being graded to commit, so a late course event sees every one of them."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": CATALOGUE_LOCK})


def remember_diagnostic(session: Session, attempt_id: str, values: dict[str, Any], below: float) -> None:
    """Note a graded diagnostic's weak competencies, for a course event that arrives after it."""
    percents = {c: s["percent"] for c, s in values["result"]["competency_scores"].items()}
    weak = weak_of(percents, below)
    if weak:
        session.execute(
            insert(recent_diagnostics).values(attempt_id=attempt_id, graded_at=values["graded_at"], weak=weak)
        )


def apply_course_published(session: Session, event: CloudEvent) -> None:
    """Keep the modules of this course version; the highest version seen is the latest."""
    data = event.data
    course_id, version = data["course_id"], data["version"]
    session.execute(
        delete(course_modules).where(
            course_modules.c.course_id == course_id, course_modules.c.course_version == version
        )
    )
    session.execute(insert(course_modules), [_module_row(course_id, version, m) for m in data["modules"]])
    session.execute(
        insert_ignore_statement(session, courses).values(course_id=course_id, latest_version=version)
    )
    session.execute(
        update(courses)
        .where(courses.c.course_id == course_id, courses.c.latest_version < version)
        .values(latest_version=version)
    )


def _module_row(course_id: str, version: int, module: dict[str, Any]) -> dict[str, Any]:
    return {
        "course_id": course_id,
        "course_version": version,
        "module_id": module["module_id"],
        "title": module["title"],
        "position": module["position"],
        "competencies": list(module.get("competencies") or []),
        "assessment_id": module.get("assessment_id"),
    }


def apply_course_retired(session: Session, event: CloudEvent) -> None:
    """A retired course takes no new learners, so it is no longer recommended."""
    session.execute(
        insert_ignore_statement(session, courses).values(course_id=event.data["course_id"], latest_version=0)
    )
    session.execute(
        update(courses).where(courses.c.course_id == event.data["course_id"]).values(retired_at=event.time)
    )


def current_modules(session: Session) -> list[CourseModule]:
    """Modules of the latest published version of every course that is not retired."""
    rows = session.execute(
        select(course_modules)
        .join(
            courses,
            (courses.c.course_id == course_modules.c.course_id)
            & (courses.c.latest_version == course_modules.c.course_version),
        )
        .where(courses.c.retired_at.is_(None))
    ).all()
    return [
        CourseModule(r.course_id, r.course_version, r.module_id, r.title, r.position, tuple(r.competencies))
        for r in rows
    ]
