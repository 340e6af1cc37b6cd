"""The catalogue: published, unretired courses, filtered, searched and paged in a stable order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from lms.curriculum.db import course_tags, course_versions, courses
from lms.curriculum.domain.access import Caller
from lms.curriculum.domain.document import Course, totals
from lms.curriculum.domain.errors import Forbidden
from lms.curriculum.service import version_rows
from lms.curriculum.service.cache import Cached, cached_reply
from lms.curriculum.service.context import CATALOGUE, Context
from lms.curriculum.service.presenters import dumps, summary_fields

LATEST_MAX_AGE = 5


@dataclass(frozen=True)
class Query:
    topic: str | None = None
    competency: str | None = None
    q: str | None = None
    page: int = 1
    page_size: int = 20
    status: str = "published"


def browse(ctx: Context, caller: Caller, query: Query) -> dict[str, Any] | Cached:
    """Published courses (cached per catalogue revision); authors may list drafts or retired ones."""
    if query.status != "published":
        if "author" not in caller.roles and not caller.is_admin:
            raise Forbidden("Only authors may list draft or retired courses.")
        with ctx.sessions() as session:
            return search(session, query)
    revision = ctx.latest.get_or_build(CATALOGUE, lambda: _catalogue_revision(ctx))
    cached = cached_reply(ctx.responses, ("catalogue", revision, query), lambda: dumps(_search(ctx, query)))
    return Cached(cached.body, cached.etag, LATEST_MAX_AGE)


def _catalogue_revision(ctx: Context) -> int:
    with ctx.reader.connect() as db:
        return version_rows.catalogue_revision(db)


def _search(ctx: Context, query: Query) -> dict[str, Any]:
    with ctx.sessions() as session:
        return search(session, query)


def search(db: Session, query: Query) -> dict[str, Any]:
    """One page of courses with `query.status` matching the filters, in a stable order."""
    conditions = _conditions(query)
    total = db.scalar(select(func.count()).select_from(courses).where(*conditions)) or 0
    found = db.execute(
        select(courses)
        .where(*conditions)
        .order_by(func.lower(func.coalesce(courses.c.title, courses.c.slug)), courses.c.id)
        .offset((query.page - 1) * query.page_size)
        .limit(query.page_size)
    ).all()
    documents = _documents(db, found)
    return {
        "items": [_item(row, documents.get(row.id)) for row in found],
        "page": query.page,
        "page_size": query.page_size,
        "total": total,
        "pages": (total + query.page_size - 1) // query.page_size,
    }


def _conditions(query: Query) -> list[Any]:
    conditions = [courses.c.status == query.status]
    for kind, value in (("topic", query.topic), ("competency", query.competency)):
        if value:
            conditions.append(_tagged(kind, value))
    if query.q:
        pattern = f"%{query.q.lower()}%"
        title, summary = courses.c.title, courses.c.summary
        if query.status == "draft":
            title, summary = courses.c.slug, courses.c.slug
        conditions.append(or_(func.lower(title).like(pattern), func.lower(summary).like(pattern)))
    return conditions


def _tagged(kind: str, value: str) -> Any:
    return exists().where(
        and_(
            course_tags.c.course_id == courses.c.id, course_tags.c.kind == kind, course_tags.c.value == value
        )
    )


def _documents(db: Session, rows: list[Any]) -> dict[str, dict]:
    wanted = [(row.id, row.latest_version) for row in rows if row.latest_version]
    if not wanted:
        return {}
    found = db.execute(
        select(course_versions.c.course_id, course_versions.c.version, course_versions.c.document).where(
            course_versions.c.course_id.in_([cid for cid, _ in wanted])
        )
    ).all()
    latest = dict(wanted)
    return {r.course_id: r.document for r in found if latest[r.course_id] == r.version}


def _item(row: Any, document: dict | None) -> dict[str, Any]:
    source = Course.from_json(document or row.draft)
    return {
        "id": row.id,
        **summary_fields(source),
        "status": row.status,
        "version": row.latest_version,
        "published_at": row.published_at.isoformat() if row.published_at else None,
        **totals(source),
    }
