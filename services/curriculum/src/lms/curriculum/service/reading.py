"""Reading courses: the latest or a given published version (cached, they never change), or a draft."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from lms.curriculum.db import course_versions, courses
from lms.curriculum.domain.access import Caller
from lms.curriculum.domain.document import Course
from lms.curriculum.domain.errors import NotFound
from lms.curriculum.service import rows, version_rows
from lms.curriculum.service.cache import Cached, cached_reply
from lms.curriculum.service.context import Context
from lms.curriculum.service.drafts import read_draft
from lms.curriculum.service.editing import Draft
from lms.curriculum.service.presenters import course_view, dumps

LATEST_MAX_AGE = 5
VERSION_MAX_AGE = 86_400
DRAFT = "draft"


@dataclass(frozen=True)
class Head:
    """What changes about a course once its versions are frozen: which one is latest, its status."""

    latest_version: int
    status: str


def read_course(
    ctx: Context, caller: Caller, course_id: str, version: str | None, body_format: str, fresh: bool = False
) -> Draft | Cached:
    """The draft (authors), version N, or the latest published version as a cached reply.

    A cached reply is keyed by the course's head too, so a view never outlives the status and
    latest version it shows; `fresh` reads the head from the database (a `no-cache` request)."""
    if version == DRAFT:
        return read_draft(ctx, caller, course_id)
    head = course_head(ctx, course_id, fresh)
    number = int(version) if version else head.latest_version
    cached = cached_reply(
        ctx.responses,
        ("version", course_id, number, head, body_format),
        lambda: dumps(_version_view(ctx, course_id, number, head, body_format)),
    )
    return Cached(cached.body, cached.etag, VERSION_MAX_AGE if version else LATEST_MAX_AGE)


def course_head(ctx: Context, course_id: str, fresh: bool = False) -> Head:
    """The course's head: the hot path of every course GET (remembered ~1 s unless `fresh`)."""
    if fresh:
        head = _read_head(ctx, course_id)
        ctx.heads.put(course_id, head)
        return head
    return ctx.heads.get_or_build(course_id, lambda: _read_head(ctx, course_id))


def _read_head(ctx: Context, course_id: str) -> Head:
    with ctx.reader.connect() as db:
        row = db.execute(
            select(courses.c.latest_version, courses.c.status).where(courses.c.id == course_id)
        ).first()
    if row is None:
        raise NotFound(f"No course with id {course_id}.")
    if row.latest_version is None:
        raise NotFound(f"Course {course_id} has no published version yet.")
    return Head(row.latest_version, row.status)


def _version_view(ctx: Context, course_id: str, version: int, head: Head, body_format: str) -> dict[str, Any]:
    with ctx.sessions() as session:
        version_row = version_rows.version_row(session, course_id, version)
    view = course_view(
        course_id,
        Course.from_json(version_row.document),
        version=version,
        status=head.status,
        published_at=version_row.published_at,
        body_format=body_format,
    )
    view["latest_version"] = head.latest_version
    return view


def published_version(ctx: Context, course_id: str, version: int) -> tuple[Any, Any]:
    """(course row, version row) of a published version."""
    with ctx.sessions() as session:
        return rows.course_row(session, course_id), version_rows.version_row(session, course_id, version)


def list_versions(ctx: Context, course_id: str) -> list[dict[str, Any]]:
    """The published versions of a course, oldest first."""
    with ctx.sessions() as session:
        rows.course_row(session, course_id)
        found = session.execute(
            select(course_versions.c.version, course_versions.c.published_at, course_versions.c.published_by)
            .where(course_versions.c.course_id == course_id)
            .order_by(course_versions.c.version)
        ).all()
    return [row._asdict() for row in found]
