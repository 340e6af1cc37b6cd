"""Releasing a closed needs analysis's sealed responses: once, together, shuffled, never a small group.

When insights announces the closing (`needs_analysis.closed`), every sealed response of the
analysis leaves in one `survey.released` event, per survey in random order, and the sealed rows
go in the same transaction. A group smaller than the minimum is released as its count only: a
few answers beside a few known participants would be those people's answers (decision 0054).
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from lms.assessment.db import needs_analyses, sealed_responses
from lms.assessment.service.analyses import ANALYSIS
from lms.contracts import events
from lms.kit.cloudevents import CloudEvent, event_time
from lms.kit.db import insert_ignore
from lms.kit.uow import UnitOfWork

FLOOR = 3  # no group smaller than this is ever released, whatever insights asks for


def apply_analysis_closed(uow: UnitOfWork, event: CloudEvent) -> None:
    """Release the analysis's sealed responses once: shuffled, per survey, none of a small group."""
    session, data = uow.session, event.data
    analysis_id, closed_at = data["needs_analysis_id"], event_time(data["closed_at"])
    placeholder = {"opens_at": closed_at, "closes_at": closed_at, "announced": True}
    insert_ignore(session, needs_analyses, [{"id": analysis_id, **placeholder}])
    analysis = session.execute(ANALYSIS.with_for_update(), {"analysis_id": analysis_id}).one()
    if analysis.released_at is not None:
        return
    floor = max(FLOOR, data["min_group_size"])
    surveys = [s for s in (data["survey_id"], data["leader_questionnaire_id"]) if s]
    released = {
        "needs_analysis_id": analysis_id,
        "min_group_size": floor,
        "surveys": [_group(session, analysis_id, survey_id, floor) for survey_id in surveys],
    }
    session.execute(delete(sealed_responses).where(sealed_responses.c.needs_analysis_id == analysis_id))
    session.execute(
        update(needs_analyses).where(needs_analyses.c.id == analysis_id).values(released_at=datetime.now(UTC))
    )
    uow.announce(events.SURVEY_RELEASED, released)


def _group(session: Session, analysis_id: str, survey_id: str, floor: int) -> dict[str, Any]:
    scores = list(
        session.scalars(
            select(sealed_responses.c.scores).where(
                sealed_responses.c.needs_analysis_id == analysis_id, sealed_responses.c.survey_id == survey_id
            )
        )
    )
    withheld = len(scores) < floor
    secrets.SystemRandom().shuffle(scores)
    return {"survey_id": survey_id, "respondents": len(scores), "withheld": withheld,
            "responses": [] if withheld else scores}  # fmt: skip
