"""What a change to one person does to others: their reports, and the teams they are in or run."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Row, delete, or_, select

from lms.kit.uow import UnitOfWork
from lms.people.db import team_members, teams, users
from lms.people.domain.records import user_record
from lms.people.domain.resources import TEAM_EXTENSION, Enterprise
from lms.people.service import announcing, team_store, user_store


def user_removed(uow: UnitOfWork, row: Row[Any], now: datetime) -> None:
    """Delete the user; their teams lose them, their reports lose their manager; all announced."""
    session = uow.session
    affected = _teams_of(uow, row.id)
    reports = session.execute(select(users).where(users.c.manager_id == row.id)).all()
    record = user_record(user_store.resource_of(row))
    session.execute(delete(team_members).where(team_members.c.user_id == row.id))
    session.execute(delete(users).where(users.c.id == row.id))
    for team_id in affected:
        team_store.bump(session, team_id, now, **_no_manager_if(session, team_id, row.id))
        announcing.team_changed(uow, team_id, now)
    for report in reports:
        _drop_manager(uow, report, now)
    announcing.user_left(uow, row.id, record, now, deleted=True)


def learner_id_changed(uow: UnitOfWork, user_id: str, now: datetime) -> None:
    """A new userName: the teams they are in or run, and their reports, are announced again."""
    for team_id in _teams_of(uow, user_id):
        announcing.team_changed(uow, team_id, now)
    reports = uow.session.execute(select(users).where(users.c.manager_id == user_id)).all()
    for report in reports:
        announcing.user_updated(uow, report.id, user_record(user_store.resource_of(report)), now)


def _teams_of(uow: UnitOfWork, user_id: str) -> list[str]:
    member_of = select(team_members.c.team_id).where(team_members.c.user_id == user_id)
    query = select(teams.c.id).where(or_(teams.c.id.in_(member_of), teams.c.manager_id == user_id))
    return list(uow.session.scalars(query.order_by(teams.c.id)))


def _no_manager_if(session: Any, team_id: str, user_id: str) -> dict[str, Any]:
    """The column values that take `user_id` off as the team's manager (nothing if not theirs)."""
    row = team_store.load_team(session, team_id)
    if row.manager_id != user_id:
        return {}
    document = dict(row.resource)
    extension = {k: v for k, v in (document.pop(TEAM_EXTENSION, None) or {}).items() if k != "manager"}
    if extension:
        document[TEAM_EXTENSION] = extension
    return {"manager_id": None, "resource": document}


def _drop_manager(uow: UnitOfWork, report: Row[Any], now: datetime) -> None:
    user = user_store.resource_of(report)
    before = user_record(user)
    extension = user[Enterprise]
    if extension is not None:
        extension.manager = None
    after = user_store.update_user(uow.session, report, user, now)
    announcing.user_changed(uow, report.id, before, after, now)
