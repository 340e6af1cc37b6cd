"""The events of the directory, each carrying the whole user or team after the change."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lms.contracts import events
from lms.kit.uow import UnitOfWork
from lms.people.db import team_members, teams, users
from lms.people.domain.records import UserRecord


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def learner_id_of(session: Session, user_id: str | None) -> str | None:
    if user_id is None:
        return None
    return session.scalar(select(users.c.user_name).where(users.c.id == user_id))


def user_state(
    session: Session, user_id: str, record: UserRecord, now: datetime, manager_learner_id: str | None = None
) -> dict[str, Any]:
    """The user as announced; `manager_learner_id` spares a lookup when the caller already read it."""
    return {
        "user_id": user_id,
        "learner_id": record.user_name,
        "external_id": record.external_id,
        "employee_number": record.employee_number,
        "display_name": record.display_name,
        "email": record.email,
        "department": record.department,
        "manager_user_id": record.manager_id,
        "manager_learner_id": manager_learner_id or learner_id_of(session, record.manager_id),
        "active": record.active,
        "occurred_at": iso(now),
    }


def user_provisioned(
    uow: UnitOfWork, user_id: str, record: UserRecord, now: datetime, manager_learner_id: str | None = None
) -> None:
    uow.announce(
        events.USER_PROVISIONED, data=user_state(uow.session, user_id, record, now, manager_learner_id)
    )


def user_changed(uow: UnitOfWork, user_id: str, before: UserRecord, after: UserRecord, now: datetime) -> None:
    """`user.updated` when anything changed; `user.deactivated` too when the user just left."""
    if before == after:
        return
    user_updated(uow, user_id, after, now)
    if before.active and not after.active:
        user_left(uow, user_id, after, now, deleted=False)


def user_updated(uow: UnitOfWork, user_id: str, record: UserRecord, now: datetime) -> None:
    uow.announce(events.USER_UPDATED, data=user_state(uow.session, user_id, record, now))


def user_left(uow: UnitOfWork, user_id: str, record: UserRecord, now: datetime, *, deleted: bool) -> None:
    data = {
        "user_id": user_id,
        "learner_id": record.user_name,
        "external_id": record.external_id,
        "employee_number": record.employee_number,
        "deleted": deleted,
        "occurred_at": iso(now),
    }
    uow.announce(events.USER_DEACTIVATED, data=data)


def team_changed(uow: UnitOfWork, team_id: str, now: datetime) -> None:
    """The team as it is now in this transaction (deleted: no members, `deleted` true)."""
    session = uow.session
    team = session.execute(select(teams).where(teams.c.id == team_id)).first()
    members = session.scalars(
        select(users.c.user_name)
        .join(team_members, team_members.c.user_id == users.c.id)
        .where(team_members.c.team_id == team_id)
        .order_by(team_members.c.position)
    ).all()
    data = {
        "team_id": team_id,
        "display_name": team.display_name if team else "",
        "external_id": team.external_id if team else None,
        "members": list(members),
        "manager_learner_id": learner_id_of(session, team.manager_id) if team else None,
        "deleted": team is None,
        "occurred_at": iso(now),
    }
    uow.announce(events.TEAM_CHANGED, data=data)
