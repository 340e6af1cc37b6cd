"""Which teams a dashboard viewer may see: the team-access rule, asked in this one place.

`may_see` asks the suite's one access rule (`lms.kit.access`, decision 0060) about one team,
`teams_visible_to` about a list of them at once.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from lms.insights.db import teams
from lms.insights.domain.errors import NotFound
from lms.insights.service.context import Context
from lms.insights.service.directory import Team, find_team, seen_whole, sees_whole
from lms.kit.auth import Principal


def may_see(ctx: Context, session: Session, principal: Principal, team: Team) -> bool:
    """HR and admins see every team; anyone else the teams the access rule lets them manage."""
    return sees_whole(session, principal, team, ctx.manager_depth)


def teams_visible_to(ctx: Context, session: Session, principal: Principal) -> list[Team]:
    """The viewer's teams, by display name."""
    rows = session.execute(select(teams).where(teams.c.deleted.is_(False)))
    found = [Team(r.team_id, r.display_name, r.manager_learner_id, tuple(r.members)) for r in rows]
    visible = seen_whole(session, principal, found, ctx.manager_depth)
    return sorted(visible, key=lambda team: (team.display_name.casefold(), team.team_id))


def team_visible_to(ctx: Context, session: Session, principal: Principal, team_id: str) -> Team:
    """One team the viewer may see; any other is unknown to them (404)."""
    team = find_team(session, team_id)
    if team is None or not may_see(ctx, session, principal, team):
        raise NotFound(f"No team {team_id} that you may see.")
    return team
