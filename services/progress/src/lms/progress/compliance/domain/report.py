"""Where an assigned learner stands for the compliance report, from their cycles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

EXPIRING_SOON = timedelta(days=30)


@dataclass(frozen=True)
class CycleFacts:
    cycle: int
    status: str  # open | completed
    due_at: datetime | None
    valid_until: datetime | None
    started: bool  # some progress on the cycle's enrolment


def standing(cycles: Sequence[CycleFacts], grace: timedelta, now: datetime) -> str:
    """compliant | expiring (compliant, expires within 30 days) | overdue | never_started | in_progress."""
    done = [c for c in cycles if c.status == "completed"]
    latest = max(done, key=lambda c: c.cycle) if done else None
    if latest is not None and (latest.valid_until is None or now < latest.valid_until + grace):
        soon = latest.valid_until is not None and latest.valid_until <= now + EXPIRING_SOON
        return "expiring" if soon else "compliant"
    current = max(cycles, key=lambda c: c.cycle) if cycles else None
    if latest is not None or (current and current.due_at and now > current.due_at):
        return "overdue"
    return "in_progress" if current and current.started else "never_started"
