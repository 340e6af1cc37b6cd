"""The impact of a course on a team's KPIs (association, never causation)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lms.insights.db import completions
from lms.insights.domain.impact import NOTE, metric_impact, training_window
from lms.insights.service.context import Context
from lms.insights.service.directory import Team, visible_team
from lms.insights.service.series import periods_by_metric
from lms.kit.auth import Principal


def team_impact(ctx: Context, principal: Principal, team_id: str, course_id: str) -> dict[str, Any]:
    """Per metric: baseline, after, change and the periods on each side, with cautions."""
    with ctx.uow() as uow:
        team = visible_team(uow.session, principal, team_id, ctx.manager_depth)
        window = training_window(team.members, _completed(uow.session, team, course_id))
        series = periods_by_metric(uow.session, team_id)
    return {
        "team_id": team_id,
        "course_id": course_id,
        "window": {
            "opened": window.opened.isoformat() if window.opened else None,
            "closed": window.closed.isoformat() if window.closed else None,
            "members": window.members,
            "completed": window.completed,
        },
        "metrics": [metric_impact(metric, periods, window) for metric, periods in sorted(series.items())],
        "note": NOTE,
    }


def _completed(session: Session, team: Team, course_id: str) -> dict[str, datetime]:
    rows = session.execute(
        select(completions.c.learner_id, completions.c.completed_at).where(
            completions.c.course_id == course_id, completions.c.learner_id.in_(team.members)
        )
    )
    return {r.learner_id: r.completed_at for r in rows}


def completions_over_time(ctx: Context, principal: Principal, team_id: str, course_id: str) -> list[dict]:
    """How many of the team had completed the course by each completion day (for the dashboard)."""
    with ctx.uow() as uow:
        team = visible_team(uow.session, principal, team_id, ctx.manager_depth)
        done = sorted(d.date() for d in _completed(uow.session, team, course_id).values())
    return [{"day": day.isoformat(), "completed": i} for i, day in enumerate(done, start=1)]
