"""The local copy of the people directory (teams, manager lines) and who may see a team."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from lms.insights.db import teams, users
from lms.insights.domain.errors import Forbidden, NotFound
from lms.insights.service.upsert import parse_time, upsert
from lms.kit.auth import Principal
from lms.kit.cloudevents import CloudEvent

OVERSEERS = ("hr", "admin")


def apply_team_changed(session: Session, event: CloudEvent) -> None:
    """Keep the whole team as the directory last described it (newer changes win)."""
    data = event.data
    row = {
        "team_id": data["team_id"],
        "display_name": data["display_name"],
        "manager_learner_id": data.get("manager_learner_id"),
        "members": sorted(set(data["members"])),
        "deleted": data["deleted"],
        "changed_at": parse_time(data["occurred_at"]),
    }
    upsert(session, teams, row, ["team_id"], newer_than="changed_at")


def apply_user(session: Session, event: CloudEvent) -> None:
    """A user's manager line and whether they are active (provisioned, updated, deactivated)."""
    data = event.data
    row = {
        "learner_id": data["learner_id"],
        "manager_learner_id": data.get("manager_learner_id"),
        "active": data.get("active", False),
        "changed_at": parse_time(data["occurred_at"]),
    }
    upsert(session, users, row, ["learner_id"], newer_than="changed_at")


@dataclass(frozen=True)
class Team:
    team_id: str
    display_name: str
    manager_learner_id: str | None
    members: tuple[str, ...]


def find_team(session: Session, team_id: str) -> Team | None:
    row = session.execute(select(teams).where(teams.c.team_id == team_id, teams.c.deleted.is_(False))).first()
    if row is None:
        return None
    return Team(row.team_id, row.display_name, row.manager_learner_id, tuple(row.members))


def manages(session: Session, learner_id: str, team: Team) -> bool:
    """The team's manager, or (when the team names none) the manager most of its members report to."""
    if team.manager_learner_id is not None:
        return team.manager_learner_id == learner_id
    if not team.members:
        return False
    reports = session.scalars(
        select(users.c.learner_id).where(
            users.c.learner_id.in_(team.members), users.c.manager_learner_id == learner_id
        )
    ).all()
    return len(reports) * 2 > len(team.members)


def visible_team(session: Session, principal: Principal, team_id: str) -> Team:
    """The team, for HR, admins and its manager; others learn nothing (404)."""
    team = find_team(session, team_id)
    if team is None:
        if principal.has_any(*OVERSEERS):
            raise NotFound(f"No team {team_id} is known to insights (yet).")
        raise NotFound(f"No team {team_id} that you manage.")
    if not (principal.has_any(*OVERSEERS) or manages(session, principal.sub, team)):
        raise NotFound(f"No team {team_id} that you manage.")
    return team


def require_overseer_or_manager(session: Session, principal: Principal, team: Team) -> None:
    if not (principal.has_any(*OVERSEERS) or manages(session, principal.sub, team)):
        raise Forbidden("Only HR, admins and the team's manager may do this.")
