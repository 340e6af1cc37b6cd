"""Who may change an assessment besides its owner: read by editors, changed by the owner and admins."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from lms.assessment.db import assessment_collaborators, assessments
from lms.assessment.domain.errors import Forbidden, Invalid, NotFound
from lms.assessment.domain.ownership import MAX_COLLABORATORS, Ownership, collaborators_of
from lms.assessment.service.context import Context
from lms.kit.auth import Principal

ADMIN = "admin"


def ownership_of(session: Session, row: Any) -> Ownership:
    subs = session.scalars(
        select(assessment_collaborators.c.sub).where(assessment_collaborators.c.assessment_id == row.id)
    )
    return Ownership(row.owner, frozenset(subs))


def may_edit(session: Session, row: Any, caller: Principal) -> bool:
    """The owner, a collaborator or an admin: they edit, publish and read the answer keys."""
    return ownership_of(session, row).may_edit(caller.sub, admin=ADMIN in caller.roles)


def require_editor(session: Session, row: Any, caller: Principal) -> None:
    if not may_edit(session, row, caller):
        raise Forbidden(f"Only the owner, collaborators and admins may change assessment {row.id}.")


def read_collaborators(ctx: Context, caller: Principal, assessment_id: str) -> dict[str, Any]:
    """The owner and collaborators (for those who may edit the assessment)."""
    with ctx.sessions() as session:
        row = _row(session, assessment_id)
        require_editor(session, row, caller)
        return _view(row.id, row.owner, ownership_of(session, row).collaborators)


def replace_collaborators(
    ctx: Context, caller: Principal, assessment_id: str, subs: list[str]
) -> dict[str, Any]:
    """Make the collaborators exactly `subs` (the owner is never listed as one)."""
    if len(set(subs)) > MAX_COLLABORATORS:
        raise Invalid(
            f"At most {MAX_COLLABORATORS} collaborators.", {"collaborators": [f"at most {MAX_COLLABORATORS}"]}
        )
    with ctx.uow() as uow:
        row = _row(uow.session, assessment_id, lock=True)
        _require_sharer(uow.session, row, caller)
        wanted = collaborators_of(subs, row.owner)
        _store(uow.session, row.id, wanted, caller.sub, ctx.clock())
        uow.commit()
    return _view(row.id, row.owner, wanted)


def remove_collaborator(ctx: Context, caller: Principal, assessment_id: str, sub: str) -> None:
    """Take one author's edit rights away (removing someone absent changes nothing)."""
    with ctx.uow() as uow:
        row = _row(uow.session, assessment_id, lock=True)
        _require_sharer(uow.session, row, caller)
        uow.session.execute(
            delete(assessment_collaborators).where(
                assessment_collaborators.c.assessment_id == row.id, assessment_collaborators.c.sub == sub
            )
        )
        uow.commit()


def _require_sharer(session: Session, row: Any, caller: Principal) -> None:
    if not ownership_of(session, row).may_share(caller.sub, admin=ADMIN in caller.roles):
        raise Forbidden(f"Only the owner and admins may manage who edits assessment {row.id}.")


def _store(session: Session, assessment_id: str, subs: frozenset[str], by: str, now: Any) -> None:
    session.execute(
        delete(assessment_collaborators).where(assessment_collaborators.c.assessment_id == assessment_id)
    )
    rows = [{"assessment_id": assessment_id, "sub": s, "added_by": by, "added_at": now} for s in sorted(subs)]
    if rows:
        session.execute(insert(assessment_collaborators), rows)


def _row(session: Session, assessment_id: str, *, lock: bool = False) -> Any:
    query = select(assessments.c.id, assessments.c.owner).where(assessments.c.id == assessment_id)
    row = session.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise NotFound(f"No assessment with id {assessment_id}.")
    return row


def _view(assessment_id: str, owner: str, subs: frozenset[str]) -> dict[str, Any]:
    return {"assessment_id": assessment_id, "owner": owner, "collaborators": sorted(subs)}
