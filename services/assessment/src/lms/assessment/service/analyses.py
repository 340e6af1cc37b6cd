"""Needs analyses as insights announces them: who may answer which survey, and until when.

A survey is answered within a needs analysis, by one of its invitees, once (decision 0054). The
response is sealed until insights closes the analysis (`release`); who took part (never what
they answered) leaves at once, in `survey.participated`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, exists, select, update
from sqlalchemy.orm import Session

from lms.assessment.db import analysis_invitees, analysis_surveys, needs_analyses
from lms.assessment.domain.errors import Conflict, Forbidden
from lms.kit.cloudevents import CloudEvent, event_time
from lms.kit.db import insert_ignore


def apply_analysis_opened(session: Session, event: CloudEvent) -> None:
    """Record the analysis and its whole invitation lists (a copy read on a miss becomes complete)."""
    data = event.data
    analysis_id = data["needs_analysis_id"]
    times = {"opens_at": event_time(data["opens_at"]), "closes_at": event_time(data["closes_at"])}
    insert_ignore(session, needs_analyses, [{"id": analysis_id, "announced": True, **times}])
    session.execute(
        update(needs_analyses).where(needs_analyses.c.id == analysis_id).values(announced=True, **times)
    )
    lists = {data["survey_id"]: data["invitees"]}
    if data.get("leader_questionnaire_id"):
        lists[data["leader_questionnaire_id"]] = data["leader_invitees"]
    _record(session, analysis_id, lists)


def record_invitation(session: Session, invitation: Mapping[str, Any], learner_id: str) -> None:
    """What insights said about the caller's own invitation, as the `opened` event would record it."""
    analysis_id = invitation["needs_analysis_id"]
    times = {"opens_at": event_time(invitation["opens_at"]), "closes_at": event_time(invitation["closes_at"])}
    insert_ignore(session, needs_analyses, [{"id": analysis_id, "announced": False, **times}])
    _record(session, analysis_id, {survey_id: [learner_id] for survey_id in invitation["surveys"]})


def _record(session: Session, analysis_id: str, lists: Mapping[str, Iterable[str]]) -> None:
    surveys = [{"needs_analysis_id": analysis_id, "survey_id": s, "version": None} for s in lists]
    insert_ignore(session, analysis_surveys, surveys)
    invitees = [
        {"needs_analysis_id": analysis_id, "survey_id": survey_id, "learner_id": learner}
        for survey_id, learners in lists.items()
        for learner in learners
    ]
    insert_ignore(session, analysis_invitees, invitees)


ANALYSIS = select(needs_analyses).where(needs_analyses.c.id == bindparam("analysis_id"))
_INVITED = select(
    exists().where(
        analysis_invitees.c.needs_analysis_id == bindparam("analysis_id"),
        analysis_invitees.c.survey_id == bindparam("survey_id"),
        analysis_invitees.c.learner_id == bindparam("learner_id"),
    )
)


def knows_invitation(session: Session, analysis_id: str, survey_id: str, learner_id: str) -> bool:
    """Whether this copy can answer for the learner: the whole list arrived, or their own invitation."""
    analysis = session.execute(ANALYSIS, {"analysis_id": analysis_id}).first()
    if analysis is None:
        return False
    return analysis.announced or _invited(session, analysis_id, survey_id, learner_id)


def require_invitation(
    session: Session, analysis_id: str, survey_id: str, learner_id: str, now: datetime
) -> None:
    """403 unless the learner is invited to answer this survey in this analysis, and it is open now."""
    analysis = session.execute(ANALYSIS, {"analysis_id": analysis_id}).first()
    if analysis is None or not _invited(session, analysis_id, survey_id, learner_id):
        raise Forbidden(f"You are not invited to answer this survey in needs analysis {analysis_id}.")
    if analysis.released_at is not None or now >= analysis.closes_at:
        raise Forbidden(f"Needs analysis {analysis_id} has closed.")
    if now < analysis.opens_at:
        raise Forbidden(f"Needs analysis {analysis_id} opens at {analysis.opens_at.isoformat()}.")


def require_open(session: Session, analysis_id: str | None, now: datetime) -> None:
    """409 unless the analysis still takes responses; holds it so that its release waits for this commit."""
    analysis = None
    if analysis_id is not None:
        locked = ANALYSIS.with_for_update(read=True)
        analysis = session.execute(locked, {"analysis_id": analysis_id}).first()
    if analysis is None or analysis.released_at is not None or now >= analysis.closes_at:
        raise Conflict("This needs analysis has closed: the response was not recorded.")


def _invited(session: Session, analysis_id: str, survey_id: str, learner_id: str) -> bool:
    found = {"analysis_id": analysis_id, "survey_id": survey_id, "learner_id": learner_id}
    return bool(session.execute(_INVITED, found).scalar())


_PIN = (
    update(analysis_surveys)
    .where(
        analysis_surveys.c.needs_analysis_id == bindparam("analysis_id"),
        analysis_surveys.c.survey_id == bindparam("survey"),
        analysis_surveys.c.version.is_(None),
    )
    .values(version=bindparam("latest"))
)
_PINNED = select(analysis_surveys.c.version).where(
    analysis_surveys.c.needs_analysis_id == bindparam("analysis_id"),
    analysis_surveys.c.survey_id == bindparam("survey"),
)


def pinned_version(session: Session, analysis_id: str, survey_id: str, latest: int) -> int:
    """The version every response of the analysis answers: the latest one at its first start.

    A version answered by only some respondents would tell their responses from the others'."""
    found = {"analysis_id": analysis_id, "survey": survey_id, "latest": latest}
    session.execute(_PIN, found)
    return session.execute(_PINNED, found).scalar_one()
