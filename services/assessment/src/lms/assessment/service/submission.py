"""Submitting an attempt: checked, graded at once, stored and announced in one transaction.

Concurrent submits of one attempt race on a conditional UPDATE (in_progress -> graded):
exactly one changes the row; the others then see a submitted attempt and get its result
when they sent the same responses, or 409 when they sent others.
"""

from __future__ import annotations

import json
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from lms.assessment.db import attempts
from lms.assessment.domain.errors import Conflict, Expired, Invalid, NotFound
from lms.assessment.domain.grading import grade_attempt
from lms.assessment.domain.responses import Answer, answers_by_item, response_problems
from lms.assessment.domain.survey import SURVEY
from lms.assessment.service.attempt_views import IN_PROGRESS, attempt_summary, status_of, submit_body
from lms.assessment.service.attempts import own_attempt
from lms.assessment.service.context import Context
from lms.assessment.service.grading import emit_final_events, graded_values
from lms.assessment.service.idempotency import IdempotencyKey, KeyTaken, Outcome, recall, remember
from lms.assessment.service.surveys import (
    RESPONDED,
    receipt_body,
    record_response,
    responded_values,
    without_answers,
)

Responses = list[dict[str, Any]]
GRADED = (
    "status",
    "result",
    "score",
    "max_score",
    "percent",
    "passed",
    "graded_at",
    "responses",
    "submitted_at",
)
_PENDING = select(
    *(attempts.c[name] for name in ("id", "assessment_id", "version", "learner_id", "attempt_no", "status")),
    *(attempts.c[name] for name in ("started_at", "expires_at", "needs_analysis_id")),
).where(attempts.c.id == bindparam("attempt_id"), attempts.c.learner_id == bindparam("learner_id"))
_SUBMIT = (
    update(attempts)
    .where(attempts.c.id == bindparam("attempt_id"), attempts.c.status == IN_PROGRESS)
    .values({name: bindparam(f"new_{name}") for name in GRADED})
)


class _LostRace(Exception):
    """Another submit of the same attempt committed first."""


def submit(
    ctx: Context, learner_id: str, attempt_id: str, responses: Responses, idem: IdempotencyKey | None
) -> Outcome:
    """Grade the learner's responses; a repeat with the same responses gets the same result."""
    try:
        return _submit(ctx, learner_id, attempt_id, responses, idem)
    except (_LostRace, KeyTaken):
        with ctx.sessions() as session:
            return _already_submitted(ctx, session, learner_id, attempt_id, responses, idem)


def _submit(
    ctx: Context, learner_id: str, attempt_id: str, responses: Responses, idem: IdempotencyKey | None
) -> Outcome:
    now = ctx.clock()
    with ctx.uow() as uow:
        row = uow.session.execute(_PENDING, {"attempt_id": attempt_id, "learner_id": learner_id}).first()
        if row is None:
            raise NotFound(f"No attempt with id {attempt_id}.")
        if row.status != IN_PROGRESS:
            return _already_submitted(ctx, uow.session, learner_id, attempt_id, responses, idem)
        if row.expires_at and now > row.expires_at + timedelta(seconds=ctx.grace_s):
            raise Expired("The attempt expired: its time limit has passed, so it can no longer be submitted.")
        published = ctx.version(uow.session, row.assessment_id, row.version)
        answers = [Answer.from_mapping(r) for r in responses]
        problems = response_problems(published.assessment, answers)
        if problems:
            raise Invalid("Some responses do not fit the items: " + ", ".join(problems), problems)
        survey = published.assessment.kind == SURVEY
        if survey:
            idem = without_answers(idem, attempt_id)
            values = responded_values(now)
            record_response(uow, row, published, answers_by_item(answers), now)
        else:
            grade = grade_attempt(published.assessment, answers_by_item(answers))
            values = graded_values(uow.session, published, grade, now, {})
            values.update(responses=responses, submitted_at=now)
            emit_final_events(uow, row, published, values)
        changed = uow.session.execute(
            _SUBMIT, {"attempt_id": row.id, **{f"new_{k}": values[k] for k in GRADED}}
        )
        if changed.rowcount != 1:
            raise _LostRace
        remember(uow.session, learner_id, idem, attempt_id, now, created=False)
        uow.commit()
    done = SimpleNamespace(**{**row._mapping, **values})
    if survey:
        return Outcome(receipt_body(attempt_summary(done, RESPONDED), done))
    return Outcome(submit_body(done, published, values["status"], grade))


def _already_submitted(
    ctx: Context,
    session: Session,
    learner_id: str,
    attempt_id: str,
    responses: Responses,
    idem: IdempotencyKey | None,
) -> Outcome:
    row = own_attempt(session, learner_id, attempt_id)
    published = ctx.version(session, row.assessment_id, row.version)
    if published.assessment.kind == SURVEY:
        return _survey_replay(session, row, idem)
    recall(session, learner_id, idem)  # 409 when the key stood for another request
    if row.status == IN_PROGRESS or _canonical(row.responses) != _canonical(responses):
        raise Conflict("This attempt was already submitted with other responses.")
    return Outcome(submit_body(row, published, status_of(row, ctx.clock(), ctx.grace_s)), replayed=True)


def _survey_replay(session: Session, row: Any, idem: IdempotencyKey | None) -> Outcome:
    """The receipt again for a retry with the same key; nothing can be compared without answers."""
    stored = recall(session, row.learner_id, without_answers(idem, row.id))
    if stored is None or row.status == IN_PROGRESS:
        raise Conflict("You have responded to this survey already (responses are not shown back).")
    return Outcome(receipt_body(attempt_summary(row, RESPONDED), row), replayed=True)


def _canonical(responses: Responses | None) -> str:
    ordered = sorted(responses or [], key=lambda r: str(r.get("item_id")))
    return json.dumps(ordered, sort_keys=True)
