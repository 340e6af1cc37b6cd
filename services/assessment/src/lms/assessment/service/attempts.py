"""Attempts: walking a scenario, reading and listing (starting one: `starting`)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, not_, select
from sqlalchemy.orm import Session

from lms.assessment.db import attempts
from lms.assessment.domain.errors import Conflict, Expired, Forbidden, Invalid, NotFound
from lms.assessment.domain.exposure import Order, next_step
from lms.assessment.domain.model import ScenarioItem
from lms.assessment.domain.scenario import PathInvalid
from lms.assessment.service.attempt_views import (
    EXPIRED,
    IN_PROGRESS,
    attempt_summary,
    attempt_view,
    status_of,
)
from lms.assessment.service.context import Context
from lms.kit.auth import Principal


def walk_scenario(
    ctx: Context, learner_id: str, attempt_id: str, item_id: str, option_ids: list[str]
) -> dict[str, Any]:
    """The next step of a scenario after the options chosen so far (only for the attempt's owner)."""
    with ctx.sessions() as session:
        row = own_attempt(session, learner_id, attempt_id)
        published = ctx.version(session, row.assessment_id, row.version)
    status = status_of(row, ctx.clock(), ctx.grace_s)
    if status == EXPIRED:
        raise Expired("The attempt expired.")
    if status != IN_PROGRESS:
        raise Conflict("The attempt has been submitted.")
    item = published.assessment.item(item_id)
    if not isinstance(item, ScenarioItem):
        raise NotFound(f"No scenario item {item_id} in this attempt.")
    try:
        step = next_step(item, option_ids, Order.from_json(row.item_order))
    except PathInvalid as exc:
        raise Invalid(str(exc), {item_id: [str(exc)]}) from None
    return {"item_id": item_id, "option_ids": option_ids, "ended": step is None, "step": step}


_OWN = select(attempts).where(
    attempts.c.id == bindparam("attempt_id"), attempts.c.learner_id == bindparam("learner_id")
)
_OWN_LOCKED = _OWN.with_for_update()


def own_attempt(session: Session, learner_id: str, attempt_id: str, *, lock: bool = False) -> Any:
    """The caller's attempt; someone else's is as unknown as a missing one (404)."""
    row = session.execute(
        _OWN_LOCKED if lock else _OWN, {"attempt_id": attempt_id, "learner_id": learner_id}
    ).first()
    if row is None:
        raise NotFound(f"No attempt with id {attempt_id}.")
    return row


def read_attempt(ctx: Context, caller: Principal, attempt_id: str) -> dict[str, Any]:
    """The owner's attempt, or any attempt for hr and admins (reflections withheld)."""
    with ctx.sessions() as session:
        row = session.execute(select(attempts).where(attempts.c.id == attempt_id)).first()
        owner = row is not None and row.learner_id == caller.sub
        if row is None or not (owner or caller.has_any("hr")):
            raise NotFound(f"No attempt with id {attempt_id}.")
        published = ctx.version(session, row.assessment_id, row.version)
    return attempt_view(row, published, status_of(row, ctx.clock(), ctx.grace_s), owner=owner)


def list_attempts(
    ctx: Context,
    caller: Principal,
    assessment_id: str,
    learner_id: str | None,
    status: str | None,
    page: tuple[int, int],
) -> list[dict[str, Any]]:
    """A learner's own attempts, or (hr) anyone's, oldest first."""
    if not caller.has_any("hr"):
        if learner_id not in (None, caller.sub):
            raise Forbidden("Learners may list only their own attempts.")
        learner_id = caller.sub
    query = select(attempts).where(attempts.c.assessment_id == assessment_id)
    if learner_id is not None:
        query = query.where(attempts.c.learner_id == learner_id)
    now = ctx.clock()
    if status is not None:
        query = query.where(_having_status(status, now - timedelta(seconds=ctx.grace_s)))
    limit, offset = page
    with ctx.sessions() as session:
        rows = session.execute(
            query.order_by(attempts.c.started_at, attempts.c.id).limit(limit).offset(offset)
        ).all()
    return [attempt_summary(row, status_of(row, now, ctx.grace_s)) for row in rows]


def _having_status(status: str, expired_before: datetime) -> ColumnElement[bool]:
    """`status_of` as a filter, so that a page holds `limit` attempts of that status: `expired` and
    `in_progress` are both stored as in progress, told apart by the time limit and its grace."""
    expired = and_(attempts.c.expires_at.is_not(None), attempts.c.expires_at < expired_before)
    if status == EXPIRED:
        return and_(attempts.c.status == IN_PROGRESS, expired)
    if status == IN_PROGRESS:
        return and_(attempts.c.status == IN_PROGRESS, not_(expired))
    return attempts.c.status == status
