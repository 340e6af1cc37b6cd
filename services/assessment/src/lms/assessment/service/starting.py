"""Starting an attempt: one guarded `INSERT ... SELECT` numbers it, checks the limit and the version.

The statement inserts only while the assessment's latest version is still the one the process
believes (a cache checked by the database) and the learner's attempts are below the limit; the
unique (assessment, learner, number) settles concurrent starts. When it inserts nothing, one
look says why: a newer version (retry on it), the limit (409) or a lost race (retry).
A survey's attempt follows the rules of a needs analysis instead (`survey_starts`).
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Integer, String, bindparam, func, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from lms.assessment.db import Json, Timestamp, assessments, attempts
from lms.assessment.domain.errors import Conflict, Invalid
from lms.assessment.domain.exposure import shuffled_order
from lms.assessment.domain.survey import SURVEY
from lms.assessment.service.attempt_views import IN_PROGRESS, started_body
from lms.assessment.service.attempts import own_attempt
from lms.assessment.service.context import Context, PublishedVersion
from lms.assessment.service.idempotency import IdempotencyKey, KeyTaken, Outcome, recall, remember
from lms.assessment.service.survey_starts import ensure_invitation_known, insert_survey_attempt

TRIES = 50
UNLIMITED = 2**31 - 1
COLUMNS = ("id", "assessment_id", "version", "learner_id", "attempt_no", "status", "item_order", "started_at",
           "expires_at", "needs_analysis_id")  # fmt: skip
_USED = select(func.coalesce(func.max(attempts.c.attempt_no), 0)).where(
    attempts.c.assessment_id == bindparam("assessment_id"), attempts.c.learner_id == bindparam("learner_id")
)
_LAST_NO = _USED.scalar_subquery()
_SOURCE = select(
    bindparam("id", type_=String),
    assessments.c.id,
    assessments.c.latest_version,
    bindparam("learner_id", type_=String),
    _LAST_NO + 1,
    literal(IN_PROGRESS),
    bindparam("item_order", type_=Json),
    bindparam("started_at", type_=Timestamp),
    bindparam("expires_at", type_=Timestamp),
    bindparam("needs_analysis_id", type_=String),
).where(
    assessments.c.id == bindparam("assessment_id"),
    assessments.c.latest_version == bindparam("version", type_=Integer),
    bindparam("limit", type_=Integer) > _LAST_NO,
)
_INSERTS = {
    name: dialect.insert(attempts)
    .from_select(COLUMNS, _SOURCE)
    .on_conflict_do_nothing()
    .returning(attempts.c.attempt_no)
    for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))
}


def start_attempt(
    ctx: Context,
    learner_id: str,
    assessment_id: str,
    idem: IdempotencyKey | None,
    needs_analysis_id: str | None = None,
    authorization: str | None = None,
) -> Outcome:
    """A new attempt on the latest published version; 409 once max_attempts are used up.

    A survey's attempt names the needs analysis it answers: only its invitees, once each
    (`authorization` reads the caller's invitation from insights when its event is still on the way)."""
    if needs_analysis_id is not None:
        ensure_invitation_known(ctx, assessment_id, learner_id, needs_analysis_id, authorization)
    try:
        return _start(ctx, Starter(learner_id, needs_analysis_id), assessment_id, idem)
    except (KeyTaken, Conflict):
        with ctx.sessions() as session:
            stored = recall(session, learner_id, idem)
            if stored is None:
                raise
            row = own_attempt(session, learner_id, stored[1])
            body = started_body(row, ctx.version(session, row.assessment_id, row.version))
            return Outcome(body, created=stored[0], replayed=True)


@dataclass(frozen=True)
class Starter:
    learner_id: str
    needs_analysis_id: str | None = None


def _start(ctx: Context, starter: Starter, assessment_id: str, idem: IdempotencyKey | None) -> Outcome:
    now, learner_id = ctx.clock(), starter.learner_id
    with ctx.uow() as uow:
        published = ctx.latest(uow.session, assessment_id)
        if published.assessment.kind == SURVEY:
            published, values, number = insert_survey_attempt(
                ctx, uow.session, published, learner_id, starter.needs_analysis_id, now
            )
        else:
            published, values, number = _insert(ctx, uow.session, published, starter, now)
        remember(uow.session, learner_id, idem, values["id"], now, created=True)
        uow.commit()
    row = SimpleNamespace(**values, attempt_no=number)
    return Outcome(started_body(row, published), created=True)


def _insert(
    ctx: Context, session: Session, published: PublishedVersion, starter: Starter, now: datetime
) -> tuple[PublishedVersion, dict[str, Any], int]:
    if starter.needs_analysis_id is not None:
        errors = {"needs_analysis_id": ["surveys only"]}
        raise Invalid("Only a survey's attempt names a needs analysis.", errors)
    insert = _INSERTS[session.get_bind().dialect.name]
    for _ in range(TRIES):
        values = _new_attempt(published, starter, now)
        inserted = session.execute(insert, values).first()
        if inserted is not None:
            return published, values, inserted.attempt_no
        published = _why_not_inserted(ctx, session, published, starter)
    raise Conflict("Too many attempts are being started at once; try again.")


def _new_attempt(published: PublishedVersion, starter: Starter, now: datetime) -> dict[str, Any]:
    assessment = published.assessment
    attempt_id = str(uuid.uuid4())
    order = shuffled_order(assessment, random.Random(attempt_id)) if assessment.shuffle else None
    limit = assessment.time_limit_s
    return {
        "id": attempt_id,
        "assessment_id": published.assessment_id,
        "version": published.version,
        "learner_id": starter.learner_id,
        "needs_analysis_id": starter.needs_analysis_id,
        "limit": assessment.max_attempts or UNLIMITED,
        "item_order": order.to_json() if order else None,
        "started_at": now,
        "expires_at": now + timedelta(seconds=limit) if limit else None,
    }


def _why_not_inserted(
    ctx: Context, session: Session, published: PublishedVersion, starter: Starter
) -> PublishedVersion:
    """A newer version to retry on, 409 at the attempt limit, or the same version after a lost race."""
    latest = ctx.latest(session, published.assessment_id, fresh=True)
    if latest.version != published.version:
        return latest
    mine = {"assessment_id": published.assessment_id, "learner_id": starter.learner_id}
    used = session.execute(_USED, mine).scalar() or 0
    limit = published.assessment.max_attempts
    if limit is not None and used >= limit:
        raise Conflict(f"All {limit} attempts at this assessment are used up.")
    return published
