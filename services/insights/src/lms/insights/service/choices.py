"""What the leader dashboard offers a viewer: their teams, the courses, their teams' analyses."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lms.insights.db import completions, iso, needs_analyses
from lms.insights.domain.choices import AnalysisRef, CourseDone, default_team
from lms.insights.service.catalog import course_titles
from lms.insights.service.context import Context
from lms.insights.service.directory import Team
from lms.insights.service.viewer import teams_visible_to
from lms.kit.auth import Principal


def dashboard_choices(ctx: Context, principal: Principal) -> dict[str, Any]:
    """Teams with names, courses with titles, analyses with their state; empty lists for a viewer
    who may see no team."""
    with ctx.uow() as uow:
        teams = teams_visible_to(ctx, uow.session, principal)
        analyses = analyses_of(uow.session, [t.team_id for t in teams])
        titles = course_titles(uow.session) if teams else {}
    now = ctx.clock()
    return {
        "teams": [_team_view(t) for t in teams],
        "courses": [
            {"course_id": c, "title": t} for c, t in sorted(titles.items(), key=lambda i: i[1].casefold())
        ],
        "needs_analyses": [_analysis_view(a, now) for a in analyses],
        "default_team_id": default_team([t.team_id for t in teams], analyses, now),
    }


def analyses_of(session: Session, team_ids: Sequence[str]) -> list[AnalysisRef]:
    """The needs analyses of these teams, the latest opened first."""
    if not team_ids:
        return []
    rows = session.execute(
        select(needs_analyses.c.id, needs_analyses.c.team_id, needs_analyses.c.opens_at)
        .add_columns(needs_analyses.c.closes_at, needs_analyses.c.closed_at)
        .where(needs_analyses.c.team_id.in_(team_ids))
        .order_by(needs_analyses.c.opens_at.desc(), needs_analyses.c.id)
    )
    return [AnalysisRef(r.id, r.team_id, r.opens_at, r.closes_at, r.closed_at) for r in rows]


def courses_done(session: Session, team: Team) -> dict[str, CourseDone]:
    """Per course: how many current members completed it, and when the last of them did."""
    if not team.members:
        return {}
    rows = session.execute(
        select(completions.c.course_id, func.count(), func.max(completions.c.completed_at))
        .where(completions.c.learner_id.in_(team.members))
        .group_by(completions.c.course_id)
    )
    return {course_id: CourseDone(count, last) for course_id, count, last in rows}


def _team_view(team: Team) -> dict[str, Any]:
    return {"team_id": team.team_id, "display_name": team.display_name, "members": len(team.members)}


def _analysis_view(analysis: AnalysisRef, now: datetime) -> dict[str, Any]:
    return {
        "id": analysis.id,
        "team_id": analysis.team_id,
        "status": analysis.status(now),
        "opens_at": iso(analysis.opens_at),
        "closes_at": iso(analysis.closes_at),
        "closed_at": iso(analysis.closed_at),
    }
