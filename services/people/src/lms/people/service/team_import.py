"""The team column of a people import: teams found or created by name, members added."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from lms.kit.uow import UnitOfWork
from lms.people.db import team_members, teams
from lms.people.domain.people_csv import PersonRow
from lms.people.domain.records import name_key
from lms.people.domain.resources import TeamResource
from lms.people.service import announcing, team_store


def join_teams(
    uow: UnitOfWork, rows: list[PersonRow], ids: dict[str, str], now: datetime, report: Any
) -> None:
    """Put each row's person in the team it names (created when no team has that displayName)."""
    wanted: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row.team:
            wanted[row.team].append(ids[name_key(row.user_name)])
    for name, user_ids in wanted.items():
        team_id, created = _team_named(uow, name, now)
        report.teams_created += created
        added = _add_missing(uow, team_id, user_ids)
        report.memberships_added += added
        if added or created:
            team_store.bump(uow.session, team_id, now)
            announcing.team_changed(uow, team_id, now)


def _team_named(uow: UnitOfWork, name: str, now: datetime) -> tuple[str, bool]:
    found = uow.session.scalar(select(teams.c.id).where(func.lower(teams.c.display_name) == name.lower()))
    if found is not None:
        return found, False
    team_id = uuid.uuid4().hex
    team_store.insert_team(uow.session, team_id, TeamResource(display_name=name), now)
    return team_id, True


def _add_missing(uow: UnitOfWork, team_id: str, user_ids: list[str]) -> int:
    session = uow.session
    present = set(session.scalars(select(team_members.c.user_id).where(team_members.c.team_id == team_id)))
    position = session.scalar(select(func.count()).where(team_members.c.team_id == team_id)) or 0
    new = [u for u in dict.fromkeys(user_ids) if u not in present]
    if new:
        session.execute(
            team_members.insert(),
            [{"team_id": team_id, "user_id": u, "position": position + i} for i, u in enumerate(new)],
        )
    return len(new)
