"""The access rule (`lms.kit.access`) over progress's copy of the directory: the lookups it asks
for, each one indexed query, and the team as the rule sees it."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from lms.kit.access import Access, Team
from lms.kit.auth import Principal
from lms.progress.db import people, team_members, teams


class Lines:
    """`lms.kit.access.Directory` over the `people`, `teams` and `team_members` tables."""

    def __init__(self, session: Session):
        self.session = session

    def managers_of(self, learners: Collection[str]) -> Mapping[str, str | None]:
        lines = select(people.c.learner_id, people.c.manager_learner_id)
        rows = self.session.execute(lines.where(people.c.learner_id.in_(list(learners))))
        return {learner: manager for learner, manager in rows}

    def reports_of(self, managers: Collection[str]) -> Collection[str]:
        query = select(people.c.learner_id).where(people.c.manager_learner_id.in_(list(managers)))
        return set(self.session.scalars(query))

    def named_members(self, manager: str, learners: Collection[str] | None) -> Collection[str]:
        query = (
            select(team_members.c.learner_id)
            .join(teams, teams.c.team_id == team_members.c.team_id)
            .where(teams.c.manager_learner_id == manager, teams.c.deleted.is_(False))
        )
        if learners is not None:
            query = query.where(team_members.c.learner_id.in_(list(learners)))
        return set(self.session.scalars(query))


def access_for(session: Session, principal: Principal, depth: int) -> Access:
    return Access.of(principal, Lines(session), depth)


def team_of(session: Session, team_id: str | None) -> Team | None:
    """The live team with its named manager and members, or None."""
    if not team_id:
        return None
    found = session.execute(
        select(teams.c.manager_learner_id).where(teams.c.team_id == team_id, teams.c.deleted.is_(False))
    ).first()
    if found is None:
        return None
    members = session.scalars(select(team_members.c.learner_id).where(team_members.c.team_id == team_id))
    return Team(team_id, found.manager_learner_id, frozenset(members))
