"""The one way a draft changes: locked, checked for ownership and If-Match, capped, saved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from lms.curriculum.domain.access import Caller, require_editor
from lms.curriculum.domain.document import Course
from lms.curriculum.domain.errors import Conflict, PreconditionFailed, PreconditionRequired
from lms.curriculum.domain.limits import check_limits
from lms.curriculum.service import rows
from lms.curriculum.service.context import Context

T = TypeVar("T")


@dataclass(frozen=True)
class Draft:
    course_id: str
    course: Course
    revision: int
    status: str
    latest_version: int | None


def draft_of(row: Any, revision: int | None = None, course: Course | None = None) -> Draft:
    return Draft(
        row.id,
        course or Course.from_json(row.draft),
        revision or row.draft_revision,
        row.status,
        row.latest_version,
    )


def check_if_match(if_match: int | None, revision: int, *, required: bool) -> None:
    """428 when required and absent; 412 when it names another revision than `revision`."""
    if if_match is None:
        if required:
            raise PreconditionRequired("Send If-Match with the draft's ETag to change it.")
        return
    if if_match != revision:
        raise PreconditionFailed(
            "The draft changed since you read it; fetch it again and reapply your change."
        )


def edit(
    ctx: Context,
    caller: Caller,
    course_id: str,
    if_match: int | None,
    change: Callable[[Course], T],
    *,
    if_match_required: bool = True,
) -> tuple[Draft, T]:
    """Apply `change` to the draft in one transaction; (the saved draft, what `change` returned)."""
    with ctx.uow() as uow:
        row = rows.course_row(uow.session, course_id, lock=True)
        require_editor(rows.ownership(uow.session, row), caller, course_id)
        check_if_match(if_match, row.draft_revision, required=if_match_required)
        course = Course.from_json(row.draft)
        result = change(course)
        check_limits(course)
        if course.slug != row.slug and rows.course_id_for_slug(uow.session, course.slug):
            raise Conflict(f"A course with slug {course.slug!r} exists already.")
        revision = rows.save_draft(uow.session, course_id, course, row.draft_revision)
        uow.commit()
    return draft_of(row, revision, course), result
