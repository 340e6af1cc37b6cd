"""Impact of a course on a team's KPIs: before the training window against after it.

The window opens with the first completion of the course by a current team member and closes
when most of the team (more than half of its current members) has completed it. Periods that
end before the window opens are the baseline; periods that start after it closes are "after";
periods that touch the window are left out. The figures show association, not causation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from statistics import fmean
from typing import Any

MIN_PERIODS = 3
NOTE = (
    "These figures compare periods before and after the training; they show an association, "
    "not that the training caused the change. Other things changed over the same time."
)


@dataclass(frozen=True)
class Window:
    """When the team trained: first completion, and the day most of the team had completed."""

    opened: date | None
    closed: date | None
    completed: int
    members: int


def training_window(members: Iterable[str], completed_at: dict[str, datetime]) -> Window:
    """`completed_at`: learner -> when they completed the course (any learner; members count)."""
    team = set(members)
    days = sorted(completed_at[m].date() for m in team if m in completed_at)
    most = len(team) // 2 + 1
    opened = days[0] if days else None
    closed = days[most - 1] if len(days) >= most else None
    return Window(opened, closed, len(days), len(team))


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    value: float


def metric_impact(metric: str, periods: Sequence[Period], window: Window) -> dict[str, Any]:
    """Baseline, after, change (absolute and %) and the number of periods on each side."""
    before = [p.value for p in periods if window.opened is not None and p.end < window.opened]
    after = [p.value for p in periods if window.closed is not None and p.start > window.closed]
    baseline = round(fmean(before), 4) if before else None
    later = round(fmean(after), 4) if after else None
    change = round(later - baseline, 4) if baseline is not None and later is not None else None
    found: dict[str, Any] = {
        "metric": metric,
        "baseline": baseline,
        "after": later,
        "change": change,
        "change_pct": round(change / baseline * 100, 2) if change is not None and baseline else None,
        "periods_before": len(before),
        "periods_after": len(after),
    }
    caution = _caution(len(before), len(after), window)
    if caution:
        found["caution"] = caution
    return found


def _caution(before: int, after: int, window: Window) -> str | None:
    if window.opened is None:
        return "No member of the team has completed this course yet."
    if window.closed is None:
        return "Most of the team has not completed this course yet, so there is no 'after'."
    if before < MIN_PERIODS or after < MIN_PERIODS:
        return (
            f"Too few periods to say anything: {before} before and {after} after "
            f"(at least {MIN_PERIODS} on each side are needed)."
        )
    return None
