"""Survey responses: scores per `measures` tag, sealed until the analysis closes; none kept with a person.

The attempt row records only that the learner responded (for their receipt and for response
rates). The scores wait in `sealed_responses` with nothing but the analysis and the survey,
and leave once, with every other response of the analysis, when it closes (`analyses`).
`survey.participated` names the learner and carries no answers; it leaves at once. Free text
is stored apart, with no learner and no time, and leaves the service nowhere.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from lms.assessment.db import iso, sealed_responses, survey_comments
from lms.assessment.domain.model import FreeTextItem
from lms.assessment.domain.responses import Answer
from lms.assessment.domain.survey import response_scores
from lms.assessment.service import analyses
from lms.assessment.service.context import PublishedVersion
from lms.assessment.service.idempotency import IdempotencyKey
from lms.contracts import events
from lms.kit.uow import UnitOfWork

RESPONDED = "responded"
HIDDEN = ("graded_at", "score", "max_score", "percent", "passed")


class SealFailed(Exception):
    """Storing a sealed response failed (the database's own message, which quotes the answers, is dropped)."""


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
    uow: UnitOfWork, row: Any, published: PublishedVersion, answers: Mapping[str, Answer], now: datetime
) -> None:
    """Seal the scores and the free text apart from the person, and announce only the participation."""
    session = uow.session
    analyses.require_open(session, row.needs_analysis_id, now)
    scores = response_scores(published.assessment, answers)
    sealed = {"id": str(uuid.uuid4()), "needs_analysis_id": row.needs_analysis_id,
              "survey_id": row.assessment_id, "scores": scores}  # fmt: skip
    try:
        session.execute(insert(sealed_responses), sealed)
        _keep_comments(session, row, published, answers)
    except DBAPIError:
        raise SealFailed("the sealed response could not be stored") from None
    participated = {"learner_id": row.learner_id, "survey_id": row.assessment_id,
                    "needs_analysis_id": row.needs_analysis_id, "participated_at": iso(now)}  # fmt: skip
    uow.announce(events.SURVEY_PARTICIPATED, participated)


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
