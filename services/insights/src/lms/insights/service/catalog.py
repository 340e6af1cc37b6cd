"""Read models from the other services: course structures, completions, diagnostic results."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from lms.insights.db import completions, course_modules, courses, diagnostics
from lms.insights.domain.report import ModuleRef
from lms.kit.cloudevents import CloudEvent, event_time
from lms.kit.db import insert_ignore_statement, upsert


def apply_course_published(session: Session, event: CloudEvent) -> None:
    """Keep the title and the modules of the newest published version of each course."""
    data = event.data
    course = {k: data[k] for k in ("course_id", "slug", "title", "version")}
    upsert(session, courses, course, ["course_id"], newer_than="version")
    stored = session.scalar(
        select(course_modules.c.course_version)
        .where(course_modules.c.course_id == data["course_id"])
        .limit(1)
    )
    if stored is not None and stored > data["version"]:
        return
    session.execute(delete(course_modules).where(course_modules.c.course_id == data["course_id"]))
    session.execute(course_modules.insert(), [_module_row(data, m) for m in data["modules"]])


def _module_row(course: dict[str, Any], module: dict[str, Any]) -> dict[str, Any]:
    return {
        "course_id": course["course_id"],
        "module_id": module["module_id"],
        "course_slug": course["slug"],
        "course_version": course["version"],
        "key": module.get("key"),
        "title": module["title"],
        "position": module["position"],
        "competencies": list(module.get("competencies") or []),
    }


def apply_course_completed(session: Session, event: CloudEvent) -> None:
    """The first completion of a course by a learner (a renewal does not move the window)."""
    data = event.data
    row = {
        "learner_id": data["learner_id"],
        "course_id": data["course_id"],
        "completed_at": event_time(data["completed_at"]),
    }
    session.execute(insert_ignore_statement(session, completions).values(row))


def apply_diagnostic_completed(session: Session, event: CloudEvent) -> None:
    """A learner's latest result per competency."""
    data = event.data
    completed_at = event_time(data["completed_at"])
    for competency, result in data["competency_scores"].items():
        percent = result.get("percent")
        if percent is None:
            percent = result["score"] / result["max_score"] if result["max_score"] else None
        if percent is None:
            continue
        row = {
            "learner_id": data["learner_id"],
            "competency": competency,
            "percent": float(percent),
            "completed_at": completed_at,
        }
        upsert(session, diagnostics, row, ["learner_id", "competency"], newer_than="completed_at")


def course_titles(session: Session) -> dict[str, str]:
    """course id -> its title (the words of its slug for one known before titles were kept)."""
    rows = session.execute(select(courses.c.course_id, courses.c.slug, courses.c.title))
    return {r.course_id: r.title or r.slug.replace("-", " ").capitalize() for r in rows}


def current_modules(session: Session) -> list[ModuleRef]:
    rows = session.execute(
        select(course_modules).order_by(course_modules.c.course_slug, course_modules.c.position)
    )
    return [
        ModuleRef(r.course_id, r.course_slug, r.module_id, r.key, r.title, tuple(r.competencies))
        for r in rows
    ]
