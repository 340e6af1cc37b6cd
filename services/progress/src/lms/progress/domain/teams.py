"""Teams and manager lines, as the directory (the people service) describes them.

Pure rules: who manages whom (directly, or indirectly to a depth), who may see a team, what
a change of membership means for a team's assignments, and where an assigned learner stands.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Viewer:
    """The caller as the directory sees them: HR/admins see everyone; a manager their reports."""

    learner_id: str
    sees_everyone: bool
    reports: frozenset[str]  # direct and indirect reports, to the configured depth


def reports_of(manager_id: str, managers: Mapping[str, str | None], depth: int) -> frozenset[str]:
    """Everyone whose manager line reaches `manager_id` within `depth` steps (cycles are cut)."""
    direct: dict[str, list[str]] = {}
    for person, manager in managers.items():
        if manager and manager != person:
            direct.setdefault(manager, []).append(person)
    found: set[str] = set()
    frontier = [manager_id]
    for _ in range(max(depth, 0)):
        frontier = [p for m in frontier for p in direct.get(m, ()) if p not in found and p != manager_id]
        if not frontier:
            break
        found.update(frontier)
    return frozenset(found)


def visible_members(viewer: Viewer, team_manager_id: str | None, members: Iterable[str]) -> list[str]:
    """The members of a team the viewer may see: all of them for HR and the team's own manager,
    otherwise only the viewer's reports."""
    members = sorted(members)
    if viewer.sees_everyone or (team_manager_id is not None and team_manager_id == viewer.learner_id):
        return members
    return [m for m in members if m in viewer.reports]


def may_assign(viewer: Viewer, team_manager_id: str | None, learners: Iterable[str]) -> bool:
    """HR may assign anyone; a manager their own team (as its manager) or their own reports."""
    if viewer.sees_everyone:
        return True
    learners = set(learners)
    if team_manager_id is not None and team_manager_id == viewer.learner_id:
        return True
    return bool(learners) and learners <= viewer.reports


def membership_change(before: Iterable[str], after: Iterable[str]) -> tuple[set[str], set[str]]:
    """(joined, left) between two member lists."""
    before, after = set(before), set(after)
    return after - before, before - after


def due_date(assigned_at: datetime, due_at: datetime | None, due_in_days: int | None) -> datetime | None:
    """A fixed date, or `due_in_days` counted from when this learner was assigned."""
    if due_at is not None:
        return due_at
    if due_in_days is not None:
        return assigned_at + timedelta(days=due_in_days)
    return None


def is_overdue(status: str, due_at: datetime | None, now: datetime) -> bool:
    return status != "completed" and due_at is not None and due_at < now
