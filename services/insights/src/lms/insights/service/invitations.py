"""Invitations: who answers an analysis's surveys, fixed when it opens, and each invitee's own view.

The team's members answer the team survey; the team's named manager and its members' line
managers answer the leader questionnaire. Assessment takes a survey attempt only from an
invitee (decision 0054) and reads an invitation here when the event has not reached it (0055).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from lms.insights.db import iso, needs_analyses, users
from lms.insights.domain.errors import NotFound
from lms.insights.service.context import Context
from lms.insights.service.directory import Team
from lms.kit.auth import Principal

OPEN = "open"


def leaders_of(session: Session, team: Team) -> list[str]:
    """Who answers the leader questionnaire: the team's named manager and its members' line managers."""
    lines = session.scalars(
        select(users.c.manager_learner_id).where(
            users.c.learner_id.in_(team.members), users.c.manager_learner_id.is_not(None)
        )
    )
    return sorted({*lines, *([team.manager_learner_id] if team.manager_learner_id else [])})


def invitation(ctx: Context, principal: Principal, analysis_id: str) -> dict[str, Any]:
    """The caller's own invitation: which surveys of the analysis they are asked to answer, until when."""
    with ctx.sessions() as session:
        analysis = session.execute(select(needs_analyses).where(needs_analyses.c.id == analysis_id)).first()
    surveys = _invited_to(analysis, principal.sub) if analysis is not None else []
    if not surveys:
        raise NotFound(f"You have no invitation to needs analysis {analysis_id}.")
    status = "closed" if analysis.closed_at is not None or analysis.closes_at <= ctx.clock() else OPEN
    return {
        "needs_analysis_id": analysis.id,
        "status": status,
        "opens_at": iso(analysis.opens_at),
        "closes_at": iso(analysis.closes_at),
        "surveys": surveys,
    }


def _invited_to(analysis: Row, learner_id: str) -> list[str]:
    asked = {analysis.survey_id: analysis.invited, analysis.leader_questionnaire_id: analysis.leader_invitees}
    return [survey for survey, invitees in asked.items() if survey and learner_id in (invitees or ())]
