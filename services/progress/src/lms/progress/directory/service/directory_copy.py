"""Keeping progress's copy of the directory: each person's record and each team's whole membership,
as the people service's events carry them (event-carried state; no read of its database)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from lms.kit.db import upsert
from lms.progress.db import people, team_members, teams
from lms.progress.directory.domain.membership import membership_change


def record_person(session: Session, data: Mapping[str, Any], when: datetime) -> None:
    """`user.provisioned` / `user.updated`: the whole record."""
    values = {
        "user_id": data["user_id"],
        "display_name": data.get("display_name"),
        "external_id": data.get("external_id"),
        "employee_number": data.get("employee_number"),
        "manager_learner_id": data.get("manager_learner_id"),
        "active": data["active"],
        "updated_at": when,
    }
    upsert(session, people, {"learner_id": data["learner_id"], **values}, ["learner_id"])


def record_departure(session: Session, data: Mapping[str, Any], when: datetime) -> None:
    """`user.deactivated`: inactive from now on; the HR ids the event carries are kept."""
    values = {"user_id": data["user_id"], "active": False, "updated_at": when}
    for field in ("external_id", "employee_number"):
        if data.get(field) is not None:
            values[field] = data[field]
    upsert(session, people, {"learner_id": data["learner_id"], **values}, ["learner_id"])


def record_team(session: Session, data: Mapping[str, Any], when: datetime) -> tuple[set[str], set[str]]:
    """`team.changed`: the whole team (no members once deleted); (joined, left) by this change."""
    team_id = data["team_id"]
    before = set(session.scalars(select(team_members.c.learner_id).where(team_members.c.team_id == team_id)))
    after = set() if data["deleted"] else set(data["members"])
    joined, left = membership_change(before, after)
    values = {
        "display_name": data["display_name"],
        "external_id": data.get("external_id"),
        "manager_learner_id": data.get("manager_learner_id"),
        "deleted": data["deleted"],
        "updated_at": when,
    }
    upsert(session, teams, {"team_id": team_id, **values}, ["team_id"])
    if left:
        session.execute(
            delete(team_members).where(team_members.c.team_id == team_id, team_members.c.learner_id.in_(left))
        )
    if joined:
        session.execute(insert(team_members), [{"team_id": team_id, "learner_id": m} for m in sorted(joined)])
    return joined, left
