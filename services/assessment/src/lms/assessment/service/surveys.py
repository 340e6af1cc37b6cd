"""Survey responses: counted per `measures` tag and announced anonymously; no answer is kept with a person.

The attempt row records only that the learner responded (for their receipt and for response
rates). The scores leave in `survey.responded`, which names no learner and carries no request
id; `survey.participated` names the learner and carries no answers. Free text is stored apart,
with no learner and no time, and leaves the service nowhere.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from lms.assessment.db import iso, survey_comments
from lms.assessment.domain.model import FreeTextItem
from lms.assessment.domain.responses import Answer
from lms.assessment.domain.survey import response_scores
from lms.assessment.service.context import PublishedVersion
from lms.assessment.service.idempotency import IdempotencyKey
from lms.contracts import events
from lms.kit import context as request_context
from lms.kit.outbox import Outbox

RESPONDED = "responded"
HIDDEN = ("graded_at", "score", "max_score", "percent", "passed")


def responded_values(now: datetime) -> dict[str, Any]:
    """The attempt columns of a survey response: when, and nothing of what was answered."""
    return {
        "status": RESPONDED,
        "result": None,
        "responses": None,
        "score": None,
        "max_score": None,
        "percent": None,
        "passed": None,
        "graded_at": now,
        "submitted_at": now,
    }


def record_response(
    outbox: Outbox,
    session: Session,
    row: Any,
    published: PublishedVersion,
    answers: Mapping[str, Answer],
    now: datetime,
) -> None:
    """Store the free text apart and add both events to the submit's transaction."""
    _keep_comments(session, row, published, answers)
    scores = response_scores(published.assessment, answers)
    group = row.needs_analysis_id or row.assessment_id
    responded = {"group_id": group, "survey_id": row.assessment_id, "survey_version": row.version,
                 "needs_analysis_id": row.needs_analysis_id, "scores": scores}  # fmt: skip
    with _no_request_id():  # the two events must not share a request id
        outbox.add_event(session, events.SURVEY_RESPONDED, data=responded)
    participated = {"learner_id": row.learner_id, "survey_id": row.assessment_id,
                    "needs_analysis_id": row.needs_analysis_id, "participated_at": iso(now)}  # fmt: skip
    outbox.add_event(session, events.SURVEY_PARTICIPATED, data=participated)


def _keep_comments(
    session: Session, row: Any, published: PublishedVersion, answers: Mapping[str, Answer]
) -> None:
    comments = [
        {
            "id": str(uuid.uuid4()),
            "survey_id": row.assessment_id,
            "survey_version": row.version,
            "needs_analysis_id": row.needs_analysis_id,
            "item_id": item.id,
            "text": answers[item.id].text,
        }
        for item in published.assessment.items
        if isinstance(item, FreeTextItem) and item.id in answers and answers[item.id].text.strip()
    ]
    if comments:
        session.execute(insert(survey_comments), comments)


@contextmanager
def _no_request_id() -> Iterator[None]:
    token = request_context.request_id.set(None)
    try:
        yield
    finally:
        request_context.request_id.reset(token)


def without_answers(idem: IdempotencyKey | None, attempt_id: str) -> IdempotencyKey | None:
    """A survey's idempotency fingerprint names the attempt only: a hash of the answers is an answer."""
    return idem and IdempotencyKey.of(idem.key, "POST", f"/survey-responses/{attempt_id}", None)


def receipt_body(summary: dict[str, Any], row: Any) -> dict[str, Any]:
    """What the respondent gets back: that and when they responded, never what."""
    found = {k: v for k, v in summary.items() if k not in HIDDEN}
    found["receipt"] = {
        "survey_id": row.assessment_id,
        "survey_version": row.version,
        "needs_analysis_id": row.needs_analysis_id,
        "responded_at": iso(row.submitted_at),
    }
    return found
