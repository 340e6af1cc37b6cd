"""Survey events from assessment: the sealed responses of a closed analysis, participation counted apart.

Responses arrive once per analysis, after it closed (`survey.released`): per-tag scores in
random order, no learner, no time; they are stored as they come and the report is frozen from
them in the same transaction. Free text never reaches insights (only normalised scores per
measured tag; anything else is dropped). Participation names the learner and carries no answer.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from lms.contracts import events
from lms.insights.db import needs_analyses, participations, survey_responses
from lms.insights.domain.causes import is_known_tag
from lms.insights.service.reports import ReportRules, freeze_report
from lms.insights.service.summary import reported_event
from lms.kit.cloudevents import CloudEvent
from lms.kit.db import insert_ignore_statement
from lms.kit.uow import UnitOfWork


def apply_survey_released(rules: ReportRules, uow: UnitOfWork, event: CloudEvent) -> None:
    """Store the responses released to a closed analysis and freeze its report, once."""
    session, analysis_id = uow.session, event.data["needs_analysis_id"]
    analysis = session.execute(
        select(needs_analyses).where(needs_analyses.c.id == analysis_id).with_for_update()
    ).first()
    if analysis is None or analysis.closed_at is None or analysis.reported_at is not None:
        return
    respondents = {group["survey_id"]: _store(session, analysis_id, group) for group in event.data["surveys"]}
    report = freeze_report(session, rules, analysis, respondents)
    session.execute(
        update(needs_analyses)
        .where(needs_analyses.c.id == analysis_id)
        .values(closed_report=report, reported_at=datetime.now(UTC), report_released=not report["suppressed"])
    )
    uow.announce(events.NEEDS_ANALYSIS_REPORTED, reported_event(analysis, report))


def _store(session: Session, analysis_id: str, group: Mapping[str, Any]) -> int:
    """Keep a group's responses under random ids; how many answered (a withheld group: its count)."""
    survey_id = group["survey_id"]
    rows = [
        {
            "event_id": str(uuid.uuid4()),
            "needs_analysis_id": analysis_id,
            "survey_id": survey_id,
            "survey_version": None,
            "scores": known_scores(scores),
        }
        for scores in group["responses"]
    ]
    if rows:
        session.execute(insert(survey_responses), rows)
    stored = session.scalar(
        select(func.count()).where(
            survey_responses.c.needs_analysis_id == analysis_id, survey_responses.c.survey_id == survey_id
        )
    )
    return (stored or 0) + (group["respondents"] if group["withheld"] else 0)


def apply_survey_responded(session: Session, event: CloudEvent) -> None:
    """A response sent one by one before decision 0054 (still open analyses at the upgrade only)."""
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
    """Someone took part: counted until the report is frozen, never linked to an answer."""
    data = event.data
    analysis_id = data.get("needs_analysis_id")
    if not analysis_id or _reported(session, analysis_id):
        return
    row = {"needs_analysis_id": analysis_id, "learner_id": data["learner_id"], "survey_id": data["survey_id"]}
    session.execute(insert_ignore_statement(session, participations).values(row))


def _closed(session: Session, analysis_id: str) -> bool:
    closed_at = session.scalar(select(needs_analyses.c.closed_at).where(needs_analyses.c.id == analysis_id))
    return closed_at is not None


def _reported(session: Session, analysis_id: str) -> bool:
    reported_at = session.scalar(
        select(needs_analyses.c.reported_at).where(needs_analyses.c.id == analysis_id)
    )
    return reported_at is not None
