"""Rows of published versions and of the catalogue they feed, used inside one unit of work."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update

from lms.curriculum.db import catalogue_state, course_tags, course_versions, courses
from lms.curriculum.domain.document import Course, content_hash
from lms.curriculum.domain.errors import NotFound
from lms.curriculum.service.rows import Db, now


def version_row(db: Db, course_id: str, version: int) -> Any:
    row = db.execute(
        select(course_versions).where(
            course_versions.c.course_id == course_id, course_versions.c.version == version
        )
    ).first()
    if row is None:
        raise NotFound(f"Course {course_id} has no version {version}.")
    return row


def insert_version(db: Db, course_id: str, version: int, course: Course, author: str) -> datetime:
    """Store the version and make it the course's latest (catalogue fields, tags, revision)."""
    published_at = now()
    db.execute(
        insert(course_versions).values(
            course_id=course_id,
            version=version,
            document=course.to_json(),
            content_hash=content_hash(course),
            published_at=published_at,
            published_by=author,
        )
    )
    _make_latest(db, course_id, version, course, published_at)
    return published_at


def _make_latest(db: Db, course_id: str, version: int, course: Course, published_at: datetime) -> None:
    db.execute(
        update(courses)
        .where(courses.c.id == course_id)
        .values(
            latest_version=version,
            status="published",
            title=course.title,
            summary=course.summary,
            published_at=published_at,
            updated_at=published_at,
        )
    )
    replace_tags(db, course_id, course)
    bump_catalogue(db)


def replace_tags(db: Db, course_id: str, course: Course) -> None:
    db.execute(delete(course_tags).where(course_tags.c.course_id == course_id))
    tags = (
        {("topic", t) for t in course.topics}
        | {("competency", c) for c in course.competencies}
        | {("competency", c) for m in course.modules for c in m.competencies}
    )
    if tags:
        db.execute(
            insert(course_tags), [{"course_id": course_id, "kind": k, "value": v} for k, v in sorted(tags)]
        )


def bump_catalogue(db: Db) -> None:
    bumped = db.execute(
        update(catalogue_state)
        .where(catalogue_state.c.id == 1)
        .values(revision=catalogue_state.c.revision + 1)
    )
    if bumped.rowcount == 0:
        db.execute(insert(catalogue_state).values(id=1, revision=1))


def catalogue_revision(db: Db) -> int:
    return db.scalar(select(catalogue_state.c.revision).where(catalogue_state.c.id == 1)) or 0


def mark_retired(db: Db, course_id: str, retired_at: datetime) -> None:
    db.execute(
        update(courses)
        .where(courses.c.id == course_id)
        .values(status="retired", retired_at=retired_at, updated_at=retired_at)
    )
