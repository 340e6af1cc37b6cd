"""Starting a survey's attempt: an invitee of an open needs analysis, once, on the analysis's version.

A survey is answered only within a needs analysis (decision 0054). `pass_mark`, `max_attempts`
and `shuffle` mean nothing for a survey and are ignored: there is no score, each invitee answers
once per analysis, and the items keep the author's order. Every response of one analysis answers
the same version, so the version cannot tell one response from another.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, String, bindparam, func, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from lms.assessment.db import Json, Timestamp, attempts
from lms.assessment.domain.errors import Conflict, Invalid
from lms.assessment.domain.survey import SURVEY
from lms.assessment.service import analyses
from lms.assessment.service.attempt_views import IN_PROGRESS
from lms.assessment.service.context import Context, PublishedVersion

TRIES = 20
COLUMNS = ("id", "assessment_id", "version", "learner_id", "attempt_no", "status", "item_order", "started_at",
           "expires_at", "needs_analysis_id")  # fmt: skip
_LAST_NO = (
    select(func.coalesce(func.max(attempts.c.attempt_no), 0))
    .where(
        attempts.c.assessment_id == bindparam("assessment_id"),
        attempts.c.learner_id == bindparam("learner_id"),
    )
    .scalar_subquery()
)
_SOURCE = select(
    *(bindparam(name, type_=String) for name in ("id", "assessment_id")),
    bindparam("version", type_=Integer),
    bindparam("learner_id", type_=String),
    _LAST_NO + 1,
    literal(IN_PROGRESS),
    bindparam("item_order", type_=Json),
    *(bindparam(name, type_=Timestamp) for name in ("started_at", "expires_at")),
    bindparam("needs_analysis_id", type_=String),
)
_INSERTS = {
    name: dialect.insert(attempts)
    .from_select(COLUMNS, _SOURCE)
    .on_conflict_do_nothing()
    .returning(attempts.c.attempt_no)
    for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))
}
_ANSWERED = select(func.count()).where(
    attempts.c.assessment_id == bindparam("assessment_id"),
    attempts.c.learner_id == bindparam("learner_id"),
    attempts.c.needs_analysis_id == bindparam("needs_analysis_id"),
)


def insert_survey_attempt(
    ctx: Context,
    session: Session,
    latest: PublishedVersion,
    learner_id: str,
    analysis_id: str | None,
    now: datetime,
) -> tuple[PublishedVersion, dict[str, Any], int]:
    """(the version answered, the attempt's columns, its number); 403 for anyone not invited, 409 twice."""
    if analysis_id is None:
        message = "a survey is answered within a needs analysis"
        raise Invalid("Name the needs analysis this response belongs to.", {"needs_analysis_id": [message]})
    survey_id = latest.assessment_id
    analyses.require_invitation(session, analysis_id, survey_id, learner_id, now)
    newest = ctx.latest(session, survey_id, fresh=True).version  # pinned from the database, not a cache
    version = analyses.pinned_version(session, analysis_id, survey_id, newest)
    published = ctx.version(session, survey_id, version)
    limit = published.assessment.time_limit_s
    mine = {"assessment_id": survey_id, "learner_id": learner_id, "needs_analysis_id": analysis_id}
    for _ in range(TRIES):
        if session.execute(_ANSWERED, mine).scalar():
            raise Conflict("You have an attempt at this survey for this needs analysis already.")
        values = {**mine, "id": str(uuid.uuid4()), "version": version, "item_order": None, "started_at": now,
                  "expires_at": now + timedelta(seconds=limit) if limit else None}  # fmt: skip
        inserted = session.execute(_INSERTS[session.get_bind().dialect.name], values).first()
        if inserted is not None:
            return published, values, inserted.attempt_no
    raise Conflict("Too many attempts are being started at once; try again.")


def ensure_invitation_known(
    ctx: Context, survey_id: str, learner_id: str, analysis_id: str, authorization: str | None
) -> None:
    """Read-your-writes: an invitation this copy has not heard of is read from insights (decision 0055)."""
    with ctx.sessions() as session:
        if ctx.insights is None or ctx.latest(session, survey_id).assessment.kind != SURVEY:
            return
        if analyses.knows_invitation(session, analysis_id, survey_id, learner_id):
            return
    invitation = ctx.insights.invitation(analysis_id, authorization)
    if invitation is not None and invitation.get("status") == "open":
        with ctx.uow() as uow:
            analyses.record_invitation(uow.session, invitation, learner_id)
            uow.commit()
