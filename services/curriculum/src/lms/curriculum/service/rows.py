"""Reads and writes of curriculum rows (SQLAlchemy Core), used inside one unit of work."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.orm import Session

from lms.curriculum.db import (
    course_collaborators,
    courses,
)
from lms.curriculum.domain.access import Ownership
from lms.curriculum.domain.document import Course
from lms.curriculum.domain.errors import NotFound

Db = Session | Connection


def now() -> datetime:
    return datetime.now(UTC)


def course_row(db: Db, course_id: str, *, lock: bool = False) -> Any:
    query = select(courses).where(courses.c.id == course_id)
    row = db.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise NotFound(f"No course with id {course_id}.")
    return row


def course_id_for_slug(db: Db, slug: str) -> str | None:
    return db.scalar(select(courses.c.id).where(courses.c.slug == slug))


def insert_course(db: Db, course_id: str, course: Course, author: str) -> None:
    stamp = now()
    db.execute(
        courses.insert().values(
            id=course_id,
            slug=course.slug,
            status="draft",
            draft=course.to_json(),
            draft_revision=1,
            created_by=author,
            owner=author,
            created_at=stamp,
            updated_at=stamp,
        )
    )


def save_draft(db: Db, course_id: str, course: Course, revision: int) -> int:
    """Replace the draft read at `revision` (its row locked by the caller); the new revision."""
    db.execute(
        update(courses)
        .where(courses.c.id == course_id)
        .values(draft=course.to_json(), draft_revision=revision + 1, slug=course.slug, updated_at=now())
    )
    return revision + 1


def ownership(db: Db, row: Any) -> Ownership:
    subs = db.scalars(select(course_collaborators.c.sub).where(course_collaborators.c.course_id == row.id))
    return Ownership(row.owner, frozenset(subs))


def replace_collaborators(db: Db, course_id: str, subs: frozenset[str], added_by: str) -> None:
    current = set(
        db.scalars(select(course_collaborators.c.sub).where(course_collaborators.c.course_id == course_id))
    )
    gone = current - subs
    if gone:
        db.execute(
            delete(course_collaborators).where(
                course_collaborators.c.course_id == course_id, course_collaborators.c.sub.in_(gone)
            )
        )
    new = [
        {"course_id": course_id, "sub": s, "added_by": added_by, "added_at": now()} for s in subs - current
    ]
    if new:
        db.execute(insert(course_collaborators), new)
