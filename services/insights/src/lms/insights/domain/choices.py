"""What the leader dashboard opens on, before anyone chooses: a team, its analysis, a course.

A leader opens the dashboard to read the latest results: the team whose needs analysis closed
last, that analysis (or, while none has closed, the latest one, to say when results come), and
the course most of the team has completed (the one whose effect on the KPIs is worth a look).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AnalysisRef:
    """A needs analysis as the dashboard lists it: whose, and when."""

    id: str
    team_id: str
    opens_at: datetime
    closes_at: datetime
    closed_at: datetime | None

    def status(self, now: datetime) -> str:
        """Closed once closed, or once its time has come (the next read of it closes it)."""
        return "open" if self.closed_at is None and self.closes_at > now else "closed"

    def closing(self) -> datetime:
        return self.closed_at or self.closes_at


@dataclass(frozen=True)
class CourseDone:
    """How many current members of a team completed a course, and when the last of them did."""

    completed: int
    last: datetime


def default_analysis(analyses: Sequence[AnalysisRef], now: datetime) -> AnalysisRef | None:
    """The one that closed last; while none has, the one opened last."""
    closed = [a for a in analyses if a.status(now) == "closed"]
    if closed:
        return max(closed, key=AnalysisRef.closing)
    return max(analyses, key=lambda a: a.opens_at, default=None)


def default_course(done: Mapping[str, CourseDone]) -> str | None:
    """The course most members completed (the latest completed on a tie); none before any completion."""
    if not done:
        return None
    return max(done, key=lambda course: (done[course].completed, done[course].last, course))


def default_team(team_ids: Sequence[str], analyses: Sequence[AnalysisRef], now: datetime) -> str | None:
    """The team whose analysis closed last; else the first team of the list (sorted by name)."""
    mine = set(team_ids)
    latest = default_analysis([a for a in analyses if a.team_id in mine and a.status(now) == "closed"], now)
    if latest is not None:
        return latest.team_id
    return team_ids[0] if team_ids else None
