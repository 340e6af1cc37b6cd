"""Publishing a draft as the next immutable version, and retiring a course."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lms.contracts import events
from lms.curriculum.domain.access import Caller, require_editor
from lms.curriculum.domain.document import Course, content_hash
from lms.curriculum.domain.errors import Conflict, Unpublishable
from lms.curriculum.domain.publishing import publish_problems, published_event, resolve_assessments
from lms.curriculum.service import rows
from lms.curriculum.service.assessments import known_assessments
from lms.curriculum.service.context import Context
from lms.curriculum.service.editing import Draft, draft_of


@dataclass(frozen=True)
class Published:
    course_id: str
    version: int
    published_at: datetime
    unchanged: bool


def publish(ctx: Context, caller: Caller, course_id: str, bearer: str | None = None) -> Published:
    """Freeze the draft as the next version; an unchanged draft publishes nothing."""
    with ctx.uow() as uow:
        row = rows.course_row(uow.session, course_id, lock=True)
        require_editor(rows.ownership(uow.session, row), caller, course_id)
        published = publish_in(ctx, uow.session, row, caller, bearer)
        uow.commit()
    return published


def publish_in(ctx: Context, session: Session, row, caller: Caller, bearer: str | None) -> Published:
    """Publish the locked course `row` inside the caller's transaction."""
    if row.status == "retired":
        raise Conflict("The course is retired; it takes no new versions.")
    draft = Course.from_json(row.draft)
    known = known_assessments(ctx, session, draft, bearer)
    problems = publish_problems(draft, known)
    if problems:
        raise Unpublishable(problems)
    course = resolve_assessments(draft, known)
    if row.latest_version is not None:
        latest = rows.version_row(session, row.id, row.latest_version)
        if latest.content_hash == content_hash(course):
            return Published(row.id, row.latest_version, latest.published_at, True)
    version = (row.latest_version or 0) + 1
    try:
        published_at = rows.insert_version(session, row.id, version, course, caller.sub)
    except IntegrityError:
        raise Conflict("Another publication of this course happened at the same moment; retry.") from None
    data = published_event(row.id, version, course, published_at)
    ctx.outbox.add_event(session, events.COURSE_PUBLISHED, data=data)
    ctx.forget(row.id)
    return Published(row.id, version, published_at, False)


def retire(ctx: Context, caller: Caller, course_id: str) -> Draft:
    """No new enrolments; existing ones continue (retiring twice changes nothing)."""
    with ctx.uow() as uow:
        row = rows.course_row(uow.session, course_id, lock=True)
        require_editor(rows.ownership(uow.session, row), caller, course_id)
        if row.status == "draft":
            raise Conflict("A course that was never published cannot be retired.")
        if row.status != "retired":
            _retire(ctx, uow.session, row)
        uow.commit()
    with ctx.sessions() as session:
        return draft_of(rows.course_row(session, course_id))


def _retire(ctx: Context, session: Session, row) -> None:
    retired_at = rows.now()
    rows.mark_retired(session, row.id, retired_at)
    rows.bump_catalogue(session)
    data = {
        "course_id": row.id,
        "slug": row.slug,
        "latest_version": row.latest_version,
        "retired_at": retired_at.isoformat(),
    }
    ctx.outbox.add_event(session, events.COURSE_RETIRED, data=data)
    ctx.forget(row.id)
