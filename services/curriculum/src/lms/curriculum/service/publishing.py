"""Publishing a draft as the next immutable version, and retiring a course."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lms.contracts import events
from lms.curriculum.domain.access import Caller, require_editor
from lms.curriculum.domain.document import Course, content_hash
from lms.curriculum.domain.errors import Conflict, Unpublishable
from lms.curriculum.domain.publishing import publish_problems, published_event, resolve_assessments
from lms.curriculum.service import rows, version_rows
from lms.curriculum.service.assessments import known_assessments
from lms.curriculum.service.context import Context
from lms.curriculum.service.editing import Draft, draft_of
from lms.kit.uow import UnitOfWork


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
        published = publish_in(ctx, uow, row, caller, bearer)
        uow.commit()
    return published


def publish_in(ctx: Context, uow: UnitOfWork, row: Any, caller: Caller, bearer: str | None) -> Published:
    """Publish the locked course `row` inside the caller's unit of work; once it commits, this
    process forgets what it remembered of the course (before, a concurrent read would remember
    the old state again)."""
    session = uow.session
    if row.status == "retired":
        raise Conflict("The course is retired; it takes no new versions.")
    course = _publishable(ctx, session, Course.from_json(row.draft), bearer)
    unchanged = _latest_if_same(session, row, course)
    if unchanged:
        return unchanged
    version = (row.latest_version or 0) + 1
    try:
        published_at = version_rows.insert_version(session, row.id, version, course, caller.sub)
    except IntegrityError:
        raise Conflict("Another publication of this course happened at the same moment; retry.") from None
    data = published_event(row.id, version, course, published_at)
    uow.announce(events.COURSE_PUBLISHED, data)
    uow.after_commit(partial(ctx.forget, row.id))
    return Published(row.id, version, published_at, False)


def _publishable(ctx: Context, session: Session, draft: Course, bearer: str | None) -> Course:
    """The draft with its assessments resolved, or Unpublishable listing every problem."""
    known = known_assessments(ctx, session, draft, bearer)
    problems = publish_problems(draft, known)
    if problems:
        raise Unpublishable(problems)
    return resolve_assessments(draft, known)


def _latest_if_same(session: Session, row: Any, course: Course) -> Published | None:
    if row.latest_version is None:
        return None
    latest = version_rows.version_row(session, row.id, row.latest_version)
    if latest.content_hash != content_hash(course):
        return None
    return Published(row.id, row.latest_version, latest.published_at, True)


def retire(ctx: Context, caller: Caller, course_id: str) -> Draft:
    """No new enrolments; existing ones continue (retiring twice changes nothing)."""
    with ctx.uow() as uow:
        row = rows.course_row(uow.session, course_id, lock=True)
        require_editor(rows.ownership(uow.session, row), caller, course_id)
        if row.status == "draft":
            raise Conflict("A course that was never published cannot be retired.")
        if row.status != "retired":
            _retire(ctx, uow, row)
        uow.commit()
    with ctx.sessions() as session:
        return draft_of(rows.course_row(session, course_id))


def _retire(ctx: Context, uow: UnitOfWork, row: Any) -> None:
    retired_at = rows.now()
    version_rows.mark_retired(uow.session, row.id, retired_at)
    version_rows.bump_catalogue(uow.session)
    data = {
        "course_id": row.id,
        "slug": row.slug,
        "latest_version": row.latest_version,
        "retired_at": retired_at.isoformat(),
    }
    uow.announce(events.COURSE_RETIRED, data)
    uow.after_commit(partial(ctx.forget, row.id))
