"""The people service's events as they touch progress: the directory copy is kept (see
`lms.progress.directory`), and assignments follow it: joiners get their team's open assignments,
leavers' open rows for the team close, an inactive person's open work closes (completions stay)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from lms.kit.cloudevents import CloudEvent
from lms.kit.uow import UnitOfWork
from lms.progress.directory.service.directory_copy import record_departure, record_person, record_team
from lms.progress.teams.service.assignments import Enrol, assign_joiners, close_for


def person_changed(uow: UnitOfWork, event: CloudEvent) -> None:
    """`user.provisioned` / `user.updated`: the whole record; an inactive person's open work closes."""
    data, session = event.data, uow.session
    record_person(session, data, _when(data))
    if not data["active"]:
        close_for(session, data["learner_id"], reason="deactivated", now=_when(data))


def person_left(uow: UnitOfWork, event: CloudEvent) -> None:
    """`user.deactivated`: deactivated or deleted. Completions stay; open assignments close."""
    data, now, session = event.data, _when(event.data), uow.session
    record_departure(session, data, now)
    close_for(session, data["learner_id"], reason="deleted" if data["deleted"] else "deactivated", now=now)


def team_changed(uow: UnitOfWork, event: CloudEvent, enrol: Enrol) -> None:
    """`team.changed`: the whole team. Joiners get the team's open assignments; leavers' open
    assignments for this team close (their completions stay)."""
    data, now, session = event.data, _when(event.data), uow.session
    joined, left = record_team(session, data, now)
    for learner_id in left:
        close_for(session, learner_id, reason="left the team", now=now, team_id=data["team_id"])
    if joined:
        assign_joiners(uow, data["team_id"], sorted(joined), now, enrol)


def _when(data: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(data["occurred_at"]) if data.get("occurred_at") else datetime.now(UTC)
