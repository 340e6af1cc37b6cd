"""Needs analyses: opened by HR or the team's manager, closed at their time or on request.

Opening fixes who is invited and announces it (`needs_analysis.opened`): the assessment service
accepts a survey attempt only from an invitee, once, and keeps the responses sealed. Closing
takes the snapshot of the invitees' diagnostics and announces it (`closed`); the assessment
service then releases the sealed responses once, and the report is frozen when they arrive
(`surveys.apply_survey_released`). Until then a report shows counts and its state only.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, func, select, update
from sqlalchemy.orm import Session

from lms.contracts import events
from lms.insights.db import iso, needs_analyses, participations
from lms.insights.domain.errors import Conflict, Forbidden, Invalid, NotFound
from lms.insights.service.context import Context
from lms.insights.service.directory import OVERSEERS, find_team, sees_whole
from lms.insights.service.invitations import OPEN, leaders_of
from lms.insights.service.reports import take_snapshot
from lms.insights.service.summary import closed_event, opened_event
from lms.kit.auth import Principal
from lms.kit.uow import UnitOfWork

AWAITING = "awaiting_responses"  # closed; the sealed responses are on their way


def create_analysis(ctx: Context, principal: Principal, body: dict[str, Any]) -> dict[str, Any]:
    """Open an analysis for a team; its members at this moment are the invitation list."""
    if body["closes_at"] <= body["opens_at"]:
        raise Invalid("closes_at must be after opens_at.", {"closes_at": ["must be after opens_at"]})
    with ctx.uow() as uow:
        team = find_team(uow.session, body["team_id"])
        if team is None:
            raise Invalid("Insights knows no such team.", {"team_id": ["unknown team"]})
        if not sees_whole(uow.session, principal, team, ctx.manager_depth):
            raise Forbidden("Only HR, admins and the team's manager may open a needs analysis for it.")
        row = {
            "id": str(uuid.uuid4()),
            **{
                k: body.get(k)
                for k in ("team_id", "survey_id", "leader_questionnaire_id", "opens_at", "closes_at")
            },
            "invited": list(team.members),
            "leader_invitees": leaders_of(uow.session, team) if body.get("leader_questionnaire_id") else [],
            "created_by": principal.sub,
            "created_at": ctx.clock(),
        }
        uow.session.execute(needs_analyses.insert().values(row))
        uow.announce(events.NEEDS_ANALYSIS_OPENED, opened_event(row))
        uow.commit()
    return read_analysis(ctx, principal, row["id"])


def read_analysis(ctx: Context, principal: Principal, analysis_id: str) -> dict[str, Any]:
    with ctx.uow() as uow:
        analysis = _visible(uow.session, principal, analysis_id, ctx.manager_depth)
        if _due(ctx, analysis):
            analysis = _close(ctx, uow, analysis)
            uow.commit()
        return _view(uow.session, analysis)


def report(ctx: Context, principal: Principal, analysis_id: str) -> dict[str, Any]:
    """The frozen report of a closed analysis; before it is frozen, counts and the state only."""
    with ctx.uow() as uow:
        analysis = _visible(uow.session, principal, analysis_id, ctx.manager_depth)
        if _due(ctx, analysis):
            analysis = _close(ctx, uow, analysis)
            uow.commit()
        if analysis.closed_report is not None:
            return analysis.closed_report
        counts = {
            "respondents": _participated(uow.session, analysis),
            "invited": len(analysis.invited),
            "min_group_size": ctx.thresholds.min_respondents,
            "suppressed": True,
        }
    if analysis.closed_at is None:
        reason = "The analysis is open: aggregates are computed once it closes."
        return {**counts, "status": OPEN, "available_from": iso(analysis.closes_at), "reason": reason}
    reason = "The analysis is closed; its sealed responses are on their way, and the report follows."
    return {**counts, "status": AWAITING, "closed_at": iso(analysis.closed_at), "reason": reason}


def close(ctx: Context, principal: Principal, analysis_id: str) -> dict[str, Any]:
    with ctx.uow() as uow:
        analysis = _visible(uow.session, principal, analysis_id, ctx.manager_depth)
        if analysis.closed_at is not None:
            raise Conflict("This needs analysis is already closed.")
        analysis = _close(ctx, uow, analysis)
        uow.commit()
        return _view(uow.session, analysis)


def close_due(ctx: Context) -> int:
    """Close every analysis whose time has come (the `close-due` command); returns how many."""
    with ctx.uow() as uow:
        due = uow.session.execute(
            select(needs_analyses)
            .where(needs_analyses.c.closed_at.is_(None), needs_analyses.c.closes_at <= ctx.clock())
            .with_for_update(skip_locked=True)
        ).all()
        for analysis in due:
            _close(ctx, uow, analysis)
        uow.commit()
    return len(due)


def _due(ctx: Context, analysis: Row) -> bool:
    return analysis.closed_at is None and analysis.closes_at <= ctx.clock()


def _close(ctx: Context, uow: UnitOfWork, analysis: Row) -> Row:
    """Take the diagnostics snapshot and announce the closing, once (the row is locked meanwhile)."""
    locked = uow.session.execute(
        select(needs_analyses).where(needs_analyses.c.id == analysis.id).with_for_update()
    ).one()
    if locked.closed_at is not None:
        return locked
    closed_at = ctx.clock()
    take_snapshot(uow.session, locked)
    uow.session.execute(
        update(needs_analyses).where(needs_analyses.c.id == analysis.id).values(closed_at=closed_at)
    )
    closed = closed_event(locked, closed_at, ctx.thresholds.min_respondents)
    uow.announce(events.NEEDS_ANALYSIS_CLOSED_V2, closed)
    return uow.session.execute(select(needs_analyses).where(needs_analyses.c.id == analysis.id)).one()


def _visible(session: Session, principal: Principal, analysis_id: str, depth: int) -> Row:
    analysis = session.execute(select(needs_analyses).where(needs_analyses.c.id == analysis_id)).first()
    if analysis is None:
        raise NotFound(f"No needs analysis {analysis_id}.")
    if principal.has_any(*OVERSEERS):
        return analysis
    team = find_team(session, analysis.team_id)
    if team is None or not sees_whole(session, principal, team, depth):
        raise NotFound(f"No needs analysis {analysis_id}.")
    return analysis


def _view(session: Session, analysis: Row) -> dict[str, Any]:
    return {
        "id": analysis.id,
        "team_id": analysis.team_id,
        "survey_id": analysis.survey_id,
        "leader_questionnaire_id": analysis.leader_questionnaire_id,
        "opens_at": iso(analysis.opens_at),
        "closes_at": iso(analysis.closes_at),
        "status": "closed" if analysis.closed_at else "open",
        "closed_at": iso(analysis.closed_at),
        "invitees": list(analysis.invited),
        "invited": len(analysis.invited),
        "participated": _participated(session, analysis),
        "respondents": _respondents(session, analysis),
        "created_by": analysis.created_by,
        "created_at": iso(analysis.created_at),
    }


def _respondents(session: Session, analysis: Row) -> int:
    """Who answered the team survey: the frozen count, or (before it) those who took part so far."""
    if analysis.closed_report is not None:
        return int(analysis.closed_report["respondents"])
    return _participated(session, analysis)


def _participated(session: Session, analysis: Row) -> int:
    return (
        session.scalar(
            select(func.count()).where(
                participations.c.needs_analysis_id == analysis.id,
                participations.c.survey_id == analysis.survey_id,
            )
        )
        or 0
    )
