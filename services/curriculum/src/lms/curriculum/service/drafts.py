"""Drafts: create a course, read its draft, edit its course fields."""

from __future__ import annotations

import uuid
from typing import Any

from lms.curriculum.domain.access import Caller
from lms.curriculum.domain.document import Course
from lms.curriculum.domain.errors import Conflict, Forbidden
from lms.curriculum.service import rows
from lms.curriculum.service.context import Context
from lms.curriculum.service.editing import Draft, draft_of, edit

AUTHOR = "author"


def create_course(ctx: Context, caller: Caller, fields: dict[str, Any]) -> Draft:
    """A new draft owned by its creator (409 when the slug is taken)."""
    course_id, course = str(uuid.uuid4()), Course(**fields)
    with ctx.uow() as uow:
        if rows.course_id_for_slug(uow.session, course.slug):
            raise Conflict(f"A course with slug {course.slug!r} exists already.")
        rows.insert_course(uow.session, course_id, course, caller.sub)
        uow.commit()
    return Draft(course_id, course, 1, "draft", None)


def read_draft(ctx: Context, caller: Caller, course_id: str) -> Draft:
    """Any author may read drafts (authors' listing shows them too); learners may not."""
    if AUTHOR not in caller.roles and not caller.is_admin:
        raise Forbidden("Only authors may read drafts.")
    with ctx.sessions() as session:
        return draft_of(rows.course_row(session, course_id))


def update_course(
    ctx: Context, caller: Caller, course_id: str, fields: dict[str, Any], if_match: int | None
) -> Draft:
    """Change the course fields sent (If-Match required)."""

    def change(course: Course) -> None:
        for name, value in fields.items():
            setattr(course, name, value)

    return edit(ctx, caller, course_id, if_match, change)[0]
