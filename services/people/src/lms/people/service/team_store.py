"""Teams in SQL: the stored SCIM document without members, and the membership rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from scim2_models import Context, GroupMember, Meta
from sqlalchemy import Row, delete, func, insert, select, update
from sqlalchemy.orm import Session

from lms.people.db import team_members, teams, users
from lms.people.domain.errors import InvalidValue, NotFound
from lms.people.domain.records import TeamRecord, team_record
from lms.people.domain.resources import TeamResource, dump
from lms.people.service.user_store import etag

Member = tuple[str, str | None]  # user id, display


def load_team(session: Session, team_id: str, *, for_update: bool = False) -> Row[Any]:
    query = select(teams).where(teams.c.id == team_id)
    row = session.execute(query.with_for_update() if for_update else query).first()
    if row is None:
        raise NotFound(f"No group with id {team_id}.")
    return row


def members_of(session: Session, team_ids: Iterable[str]) -> dict[str, list[Member]]:
    """The members of each team, in the order they joined, with their display names."""
    found: dict[str, list[Member]] = defaultdict(list)
    ids = list(team_ids)
    if not ids:
        return found
    rows = session.execute(
        select(
            team_members.c.team_id,
            users.c.id,
            func.coalesce(team_members.c.display, users.c.display_name, users.c.user_name),
        )
        .join(users, users.c.id == team_members.c.user_id)
        .where(team_members.c.team_id.in_(ids))
        .order_by(team_members.c.team_id, team_members.c.position)
    )
    for team_id, user_id, display in rows:
        found[team_id].append((user_id, display))
    return found


def resource_of(row: Row[Any], members: list[Member]) -> TeamResource:
    team = TeamResource.model_validate(
        {**row.resource, "id": row.id}, scim_ctx=Context.RESOURCE_QUERY_RESPONSE
    )
    team.members = [GroupMember(value=user_id, display=display, type="User") for user_id, display in members]
    team.meta = Meta(
        resource_type="Group", created=row.created_at, last_modified=row.updated_at, version=etag(row.version)
    )
    return team


def columns(record: TeamRecord, team: TeamResource) -> dict[str, Any]:
    document = dump(team, Context.RESOURCE_QUERY_RESPONSE, exclude={"id", "meta", "members"})
    for key in ("id", "meta", "members"):
        document.pop(key, None)
    return {
        "display_name": record.display_name,
        "external_id": record.external_id,
        "manager_id": record.manager_id,
        "resource": document,
    }


def check_people(session: Session, record: TeamRecord) -> None:
    """Every member and the manager must be users of the directory."""
    wanted = set(record.member_ids) | ({record.manager_id} if record.manager_id else set())
    if not wanted:
        return
    known = set(session.scalars(select(users.c.id).where(users.c.id.in_(wanted))))
    missing = sorted(wanted - known)
    if missing:
        raise InvalidValue(f"Not users of the directory: {', '.join(missing[:10])}.")


def insert_team(session: Session, team_id: str, team: TeamResource, now: datetime) -> TeamRecord:
    record = team_record(team)
    check_people(session, record)
    values = {"id": team_id, **columns(record, team), "version": 1, "created_at": now, "updated_at": now}
    session.execute(insert(teams).values(values))
    _add_members(session, team_id, record.member_ids, 0, _displays(team))
    return record


def update_team(
    session: Session, row: Row[Any], previous: TeamResource, team: TeamResource, now: datetime
) -> TeamRecord:
    """Write the team's new state: columns, document, and only the memberships that changed."""
    before, record = team_record(previous), team_record(team)
    check_people(session, record)
    values = {**columns(record, team), "version": row.version + 1, "updated_at": now}
    session.execute(update(teams).where(teams.c.id == row.id).values(values))
    gone = set(before.member_ids) - set(record.member_ids)
    if gone:
        session.execute(
            delete(team_members).where(team_members.c.team_id == row.id, team_members.c.user_id.in_(gone))
        )
    kept, old, new = set(before.member_ids), _displays(previous), _displays(team)
    _add_members(session, row.id, [m for m in record.member_ids if m not in kept], len(kept), new)
    for user_id in (kept - gone) & {u for u in new if new[u] != old.get(u)}:
        session.execute(
            update(team_members)
            .where(team_members.c.team_id == row.id, team_members.c.user_id == user_id)
            .values(display=new[user_id])
        )
    return record


def bump(session: Session, team_id: str, now: datetime, **values: Any) -> None:
    """A new version of the team, for a change made from outside its document (a member left)."""
    session.execute(
        update(teams)
        .where(teams.c.id == team_id)
        .values(version=teams.c.version + 1, updated_at=now, **values)
    )


def _displays(team: TeamResource) -> dict[str, str | None]:
    return {str(m.value): m.display for m in team.members or () if m.value}


def _add_members(
    session: Session, team_id: str, user_ids: Iterable[str], start: int, displays: dict[str, str | None]
) -> None:
    rows = [
        {"team_id": team_id, "user_id": u, "position": start + i, "display": displays.get(u)}
        for i, u in enumerate(user_ids)
    ]
    if rows:
        session.execute(insert(team_members), rows)
