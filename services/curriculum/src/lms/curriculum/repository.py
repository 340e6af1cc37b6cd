"""Reads and writes of curriculum rows (SQLAlchemy Core), used inside one transaction."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.orm import Session

from lms.curriculum.db import catalogue_state, course_tags, course_versions, courses, known_assessments
from lms.curriculum.domain.document import Document, content_hash
from lms.curriculum.errors import NotFound, PreconditionRequired, StaleDraft

Db = Session | Connection


def now() -> datetime:
    return datetime.now(UTC)


def course_row(db: Db, course_id: str) -> Any:
    row = db.execute(select(courses).where(courses.c.id == course_id)).first()
    if row is None:
        raise NotFound(f"No course with id {course_id}.")
    return row


def course_id_for_slug(db: Db, slug: str) -> str | None:
    return db.scalar(select(courses.c.id).where(courses.c.slug == slug))


def save_draft(db: Db, course_id: str, document: Document, if_match: int | None) -> int:
    """Replace the draft when its revision is still `if_match`; return the new revision."""
    if if_match is None:
        raise PreconditionRequired("Send If-Match with the draft's ETag to change it.")
    result = db.execute(
        update(courses)
        .where(courses.c.id == course_id, courses.c.draft_revision == if_match)
        .values(draft=document, draft_revision=if_match + 1, slug=document["slug"], updated_at=now())
    )
    if result.rowcount != 1:
        course_row(db, course_id)  # 404 when it does not exist at all
        raise StaleDraft("The draft changed since you read it; fetch it again and reapply your change.")
    return if_match + 1


def version_document(db: Db, course_id: str, version: int) -> Any:
    row = db.execute(
        select(course_versions).where(
            course_versions.c.course_id == course_id, course_versions.c.version == version
        )
    ).first()
    if row is None:
        raise NotFound(f"Course {course_id} has no version {version}.")
    return row


def insert_version(db: Db, course_id: str, version: int, document: Document, author: str) -> datetime:
    published_at = now()
    db.execute(
        insert(course_versions).values(
            course_id=course_id,
            version=version,
            document=document,
            content_hash=content_hash(document),
            published_at=published_at,
            published_by=author,
        )
    )
    db.execute(
        update(courses)
        .where(courses.c.id == course_id)
        .values(
            latest_version=version,
            status="published",
            title=document["title"],
            summary=document.get("summary", ""),
            published_at=published_at,
            updated_at=published_at,
        )
    )
    replace_tags(db, course_id, document)
    bump_catalogue(db)
    return published_at


def replace_tags(db: Db, course_id: str, document: Document) -> None:
    db.execute(delete(course_tags).where(course_tags.c.course_id == course_id))
    tags = (
        {("topic", t) for t in document.get("topics", [])}
        | {("competency", c) for c in document.get("competencies", [])}
        | {("competency", c) for m in document["modules"] for c in m.get("competencies", [])}
    )
    if tags:
        db.execute(
            insert(course_tags), [{"course_id": course_id, "kind": k, "value": v} for k, v in sorted(tags)]
        )


def bump_catalogue(db: Db) -> None:
    if (
        db.execute(
            update(catalogue_state)
            .where(catalogue_state.c.id == 1)
            .values(revision=catalogue_state.c.revision + 1)
        ).rowcount
        == 0
    ):
        db.execute(insert(catalogue_state).values(id=1, revision=1))


def catalogue_revision(db: Db) -> int:
    return db.scalar(select(catalogue_state.c.revision).where(catalogue_state.c.id == 1)) or 0


def known_assessment_slugs(db: Db) -> dict[str, str]:
    """Published assessment id -> slug."""
    return dict(db.execute(select(known_assessments.c.assessment_id, known_assessments.c.slug)).all())
