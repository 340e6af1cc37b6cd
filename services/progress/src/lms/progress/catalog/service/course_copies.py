"""The local copy of published course versions (curriculum's events, or curriculum itself)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Row, select, update
from sqlalchemy.orm import Session

from lms.kit.cache import BoundedCache
from lms.kit.cloudevents import CloudEvent
from lms.kit.db import insert_ignore
from lms.kit.uow import UnitOfWork
from lms.progress.catalog.domain.structure import CourseStructure, parse_structure
from lms.progress.db import course_versions, courses
from lms.progress.errors import NotFound

_structures: BoundedCache[tuple[str, int], CourseStructure] = BoundedCache(max_entries=2_000)


def apply_course_published(uow: UnitOfWork, event: CloudEvent) -> None:
    """The consumer's handler of `course.published`."""
    record_course_version(uow.session, event.data)


def apply_course_retired(uow: UnitOfWork, event: CloudEvent) -> None:
    """The consumer's handler of `course.retired`: no new enrolments from now on."""
    uow.session.execute(
        update(courses)
        .where(courses.c.course_id == event.data["course_id"])
        .values(retired_at=datetime.fromisoformat(event.data["retired_at"]))
    )


def record_course_version(session: Session, data: dict[str, Any]) -> None:
    """Keep this version (once) and move the course's latest version forward (never back)."""
    insert_ignore(session, course_versions, [_version_row(data)])
    latest = session.scalar(select(courses.c.latest_version).where(courses.c.course_id == data["course_id"]))
    values = {"latest_version": data["version"], "title": data["title"]}
    if latest is None:
        insert_ignore(session, courses, [{"course_id": data["course_id"], **values}])
    elif latest < data["version"]:
        session.execute(update(courses).where(courses.c.course_id == data["course_id"]).values(**values))


def _version_row(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "course_id": data["course_id"],
        "version": data["version"],
        "slug": data["slug"],
        "title": data["title"],
        "structure": data,
        "published_at": datetime.fromisoformat(data["published_at"]),
    }


def course(session: Session, course_id: str) -> Row[Any] | None:
    """The course as last published here (latest version, title, retirement), or None."""
    return session.execute(select(courses).where(courses.c.course_id == course_id)).first()


def structure_of(session: Session, course_id: str, version: int) -> CourseStructure:
    """A published version's structure; versions never change, so each is parsed once."""
    return _structures.get_or_build((course_id, version), lambda: _load(session, course_id, version))


def _load(session: Session, course_id: str, version: int) -> CourseStructure:
    data = session.scalar(
        select(course_versions.c.structure).where(
            course_versions.c.course_id == course_id, course_versions.c.version == version
        )
    )
    if data is None:
        raise NotFound(f"Course {course_id} has no published version {version} here.")
    return parse_structure({**data, "course_id": course_id, "version": version})
