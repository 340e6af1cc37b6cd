"""Who may edit a course besides its owner: read by editors, changed by the owner and admins."""

from __future__ import annotations

from typing import Any

from lms.curriculum.domain.access import Caller, collaborators_of, require_editor, require_sharer
from lms.curriculum.domain.errors import Invalid
from lms.curriculum.domain.limits import MAX_COLLABORATORS
from lms.curriculum.service import rows
from lms.curriculum.service.context import Context


def read_collaborators(ctx: Context, caller: Caller, course_id: str) -> dict[str, Any]:
    """The owner and collaborators (for those who may edit the course)."""
    with ctx.sessions() as session:
        row = rows.course_row(session, course_id)
        ownership = rows.ownership(session, row)
    require_editor(ownership, caller, course_id)
    return _view(course_id, row.owner, ownership.collaborators)


def replace_collaborators(ctx: Context, caller: Caller, course_id: str, subs: list[str]) -> dict[str, Any]:
    """Make the collaborators exactly `subs` (the owner is never listed as one)."""
    if len(set(subs)) > MAX_COLLABORATORS:
        raise Invalid(
            f"A course has at most {MAX_COLLABORATORS} collaborators.",
            {"collaborators": [f"at most {MAX_COLLABORATORS}"]},
        )
    with ctx.uow() as uow:
        row = rows.course_row(uow.session, course_id, lock=True)
        require_sharer(rows.ownership(uow.session, row), caller, course_id)
        wanted = collaborators_of(subs, row.owner)
        rows.replace_collaborators(uow.session, course_id, wanted, caller.sub)
        uow.commit()
    return _view(course_id, row.owner, wanted)


def remove_collaborator(ctx: Context, caller: Caller, course_id: str, sub: str) -> None:
    """Take one subject's edit rights away (removing someone absent changes nothing)."""
    with ctx.uow() as uow:
        row = rows.course_row(uow.session, course_id, lock=True)
        ownership = rows.ownership(uow.session, row)
        require_sharer(ownership, caller, course_id)
        rows.replace_collaborators(uow.session, course_id, ownership.collaborators - {sub}, caller.sub)
        uow.commit()


def _view(course_id: str, owner: str | None, subs: frozenset[str]) -> dict[str, Any]:
    return {"course_id": course_id, "owner": owner, "collaborators": sorted(subs)}
