"""Membership changes and due dates, without I/O (who sees whom: libs/kit/tests/unit/test_access.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from lms.progress.directory.domain.membership import membership_change
from lms.progress.teams.domain.due_dates import due_date, is_overdue

NOW = datetime(2026, 12, 1, tzinfo=UTC)


def test_membership_change_names_who_joined_and_who_left():
    assert membership_change(["a", "b"], ["b", "c"]) == ({"c"}, {"a"})


def test_due_dates_fixed_or_counted_from_the_assignment():
    assert due_date(NOW, None, 14) == NOW + timedelta(days=14)
    assert due_date(NOW, NOW + timedelta(days=3), 14) == NOW + timedelta(days=3)
    assert due_date(NOW, None, None) is None
    assert is_overdue("active", NOW - timedelta(seconds=1), NOW)
    assert not is_overdue("completed", NOW - timedelta(days=1), NOW)
    assert not is_overdue("active", None, NOW)
