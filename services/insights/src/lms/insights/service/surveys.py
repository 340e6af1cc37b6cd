"""Survey events from assessment: anonymous scores kept as they come, participation counted apart.

A response carries no learner id and is stored with no time; free text never reaches insights
(the event carries only normalised scores per measured tag, and anything else is dropped).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lms.insights.db import needs_analyses, participations, survey_responses
from lms.insights.domain.causes import is_known_tag
from lms.kit.cloudevents import CloudEvent
from lms.kit.db import insert_ignore_statement


def apply_survey_responded(session: Session, event: CloudEvent) -> None:
    """Keep the scores of a response given within an open needs analysis."""
    data = event.data
    analysis_id = data.get("needs_analysis_id")
    if not analysis_id or _closed(session, analysis_id):
        return
    row = {
        "event_id": event.id,
        "needs_analysis_id": analysis_id,
        "survey_id": data["survey_id"],
        "survey_version": data.get("survey_version"),
        "scores": known_scores(data["scores"]),
    }
    session.execute(insert_ignore_statement(session, survey_responses).values(row))


def known_scores(scores: Mapping[str, Any]) -> dict[str, float]:
    """Only the tags a needs analysis knows, with scores within 0..1."""
    return {
        tag: float(score)
        for tag, score in scores.items()
        if is_known_tag(tag) and isinstance(score, int | float) and 0 <= score <= 1
    }


def apply_survey_participated(session: Session, event: CloudEvent) -> None:
    """Someone took part: counted for the response rate, never linked to an answer."""
    data = event.data
    analysis_id = data.get("needs_analysis_id")
    if not analysis_id or _closed(session, analysis_id):
        return
    row = {"needs_analysis_id": analysis_id, "learner_id": data["learner_id"], "survey_id": data["survey_id"]}
    session.execute(insert_ignore_statement(session, participations).values(row))


def _closed(session: Session, analysis_id: str) -> bool:
    closed_at = session.scalar(select(needs_analyses.c.closed_at).where(needs_analyses.c.id == analysis_id))
    return closed_at is not None
