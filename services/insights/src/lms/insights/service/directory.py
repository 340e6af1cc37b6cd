"""The local copy of the people directory (teams, manager lines) and who may see a team, by the
suite's one access rule (`lms.kit.access`, decision 0060)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from lms.insights.db import teams, users
from lms.insights.domain.errors import NotFound
from lms.kit.access import OVERSEER_ROLES, Access
from lms.kit.access import Team as KitTeam
from lms.kit.auth import Principal
from lms.kit.cloudevents import CloudEvent, event_time
from lms.kit.db import upsert

OVERSEERS = OVERSEER_ROLES


def apply_team_changed(session: Session, event: CloudEvent) -> None:
    """Keep the whole team as the directory last described it (newer changes win)."""
    data = event.data
    row = {
        "team_id": data["team_id"],
        "display_name": data["display_name"],
        "manager_learner_id": data.get("manager_learner_id"),
        "members": sorted(set(data["members"])),
        "deleted": data["deleted"],
        "changed_at": event_time(data["occurred_at"]),
    }
    upsert(session, teams, row, ["team_id"], newer_than="changed_at")


def apply_user(session: Session, event: CloudEvent) -> None:
    """A user's manager line and whether they are active (provisioned, updated, deactivated)."""
    data = event.data
    row = {
        "learner_id": data["learner_id"],
        "manager_learner_id": data.get("manager_learner_id"),
        "active": data.get("active", False),
        "changed_at": event_time(data["occurred_at"]),
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


class Lines:
    """`lms.kit.access.Directory` over insights' copy: users by id, teams by named manager."""

    def __init__(self, session: Session):
        self.session = session

    def managers_of(self, learners: Collection[str]) -> Mapping[str, str | None]:
        lines = select(users.c.learner_id, users.c.manager_learner_id)
        rows = self.session.execute(lines.where(users.c.learner_id.in_(list(learners))))
        return {learner: manager for learner, manager in rows}

    def reports_of(self, managers: Collection[str]) -> Collection[str]:
        query = select(users.c.learner_id).where(users.c.manager_learner_id.in_(list(managers)))
        return set(self.session.scalars(query))

    def named_members(self, manager: str, learners: Collection[str] | None) -> Collection[str]:
        live = teams.c.deleted.is_(False)
        named = select(teams.c.members).where(teams.c.manager_learner_id == manager, live)
        members = {m for listed in self.session.scalars(named) for m in listed}
        return members if learners is None else members & set(learners)


def sees_whole(session: Session, principal: Principal, team: Team, depth: int) -> bool:
    """HR, admins, the team's named manager, or a manager of every member (the one access rule:
    a team's figures describe all of it, so only someone who may see each member sees them)."""
    return Access.of(principal, Lines(session), depth).team(_for_rule(team)).whole


def seen_whole(session: Session, principal: Principal, found: list[Team], depth: int) -> list[Team]:
    """Those of `found` the caller sees whole, finding the caller's people once for the list."""
    views = Access.of(principal, Lines(session), depth).teams([_for_rule(team) for team in found])
    return [team for team, view in zip(found, views, strict=True) if view.whole]


def _for_rule(team: Team) -> KitTeam:
    return KitTeam(team.team_id, team.manager_learner_id, frozenset(team.members))


def visible_team(session: Session, principal: Principal, team_id: str, depth: int) -> Team:
    """The team, for whoever sees it whole; others learn nothing (404)."""
    team = find_team(session, team_id)
    if team is None:
        if principal.has_any(*OVERSEERS):
            raise NotFound(f"No team {team_id} is known to insights (yet).")
        raise NotFound(f"No team {team_id} that you manage.")
    if not sees_whole(session, principal, team, depth):
        raise NotFound(f"No team {team_id} that you manage.")
    return team
