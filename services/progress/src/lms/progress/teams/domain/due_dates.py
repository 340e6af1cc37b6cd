"""When an assigned learner's course is due, and whether it is overdue.

Who manages whom and who may see a team is the suite's one access rule, `lms.kit.access`.
"""

from __future__ import annotations

from datetime import datetime, timedelta


def due_date(assigned_at: datetime, due_at: datetime | None, due_in_days: int | None) -> datetime | None:
    """A fixed date, or `due_in_days` counted from when this learner was assigned."""
    if due_at is not None:
        return due_at
    if due_in_days is not None:
        return assigned_at + timedelta(days=due_in_days)
    return None


def is_overdue(status: str, due_at: datetime | None, now: datetime) -> bool:
    return status != "completed" and due_at is not None and due_at < now
