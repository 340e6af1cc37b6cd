"""The directory as progress keeps it: people, manager lines and teams, from the people service's
events (event-carried state; no read of its database)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from lms.kit.cloudevents import CloudEvent
from lms.progress.db import people, team_members, teams
from lms.progress.directory.domain.membership import membership_change
from lms.progress.teams.service.assignments import assign_joiners, close_for, upsert


def person_changed(session: Session, event: CloudEvent) -> None:
    """`user.provisioned` / `user.updated`: the whole record; an inactive person's open work closes."""
    data = event.data
    values = {
        "user_id": data["user_id"],
        "display_name": data.get("display_name"),
        "external_id": data.get("external_id"),
        "employee_number": data.get("employee_number"),
        "manager_learner_id": data.get("manager_learner_id"),
        "active": data["active"],
        "updated_at": _when(data),
    }
    upsert(session, people, {"learner_id": data["learner_id"]}, values)
    if not data["active"]:
        close_for(session, data["learner_id"], reason="deactivated", now=_when(data))


def person_left(session: Session, event: CloudEvent) -> None:
    """`user.deactivated`: deactivated or deleted. Completions stay; open assignments close."""
    data, now = event.data, _when(event.data)
    values = {"user_id": data["user_id"], "active": False, "updated_at": now}
    for field in ("external_id", "employee_number"):
        if data.get(field) is not None:
            values[field] = data[field]
    upsert(session, people, {"learner_id": data["learner_id"]}, values)
    close_for(session, data["learner_id"], reason="deleted" if data["deleted"] else "deactivated", now=now)


def team_changed(session: Session, event: CloudEvent, enrol: Any) -> None:
    """`team.changed`: the whole team. Joiners get the team's open assignments; leavers' open
    assignments for this team close (their completions stay)."""
    data, now = event.data, _when(event.data)
    team_id = data["team_id"]
    before = set(session.scalars(select(team_members.c.learner_id).where(team_members.c.team_id == team_id)))
    after = set() if data["deleted"] else set(data["members"])
    joined, left = membership_change(before, after)
    values = {
        "display_name": data["display_name"],
        "external_id": data.get("external_id"),
        "manager_learner_id": data.get("manager_learner_id"),
        "deleted": data["deleted"],
        "updated_at": now,
    }
    upsert(session, teams, {"team_id": team_id}, values)
    if left:
        session.execute(
            delete(team_members).where(team_members.c.team_id == team_id, team_members.c.learner_id.in_(left))
        )
        for learner_id in left:
            close_for(session, learner_id, reason="left the team", now=now, team_id=team_id)
    if joined:
        session.execute(insert(team_members), [{"team_id": team_id, "learner_id": m} for m in sorted(joined)])
        assign_joiners(session, team_id, sorted(joined), now, enrol)


def _when(data: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(data["occurred_at"]) if data.get("occurred_at") else datetime.now(UTC)
