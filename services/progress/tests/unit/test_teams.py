"""Manager lines, team visibility and assignment rules, without I/O."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from lms.progress.domain.teams import (
    Viewer,
    due_date,
    is_overdue,
    may_assign,
    membership_change,
    reports_of,
    visible_members,
)

LINES = {"ann": None, "bob": "ann", "cat": "bob", "dan": "cat", "eve": "ann", "zed": "yan"}
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def test_direct_reports_at_depth_one_and_indirect_ones_deeper():
    assert reports_of("ann", LINES, 1) == {"bob", "eve"}
    assert reports_of("ann", LINES, 2) == {"bob", "eve", "cat"}
    assert reports_of("ann", LINES, 10) == {"bob", "eve", "cat", "dan"}
    assert reports_of("dan", LINES, 10) == set()


def test_a_cycle_in_the_manager_lines_ends_the_walk():
    assert reports_of("a", {"a": "c", "b": "a", "c": "b"}, 50) == {"b", "c"}


def test_hr_and_the_teams_manager_see_every_member_another_manager_only_their_reports():
    members = ["bob", "cat", "zed"]
    hr = Viewer("hana", True, frozenset())
    bob = Viewer("bob", False, reports_of("bob", LINES, 3))
    assert visible_members(hr, None, members) == ["bob", "cat", "zed"]
    assert visible_members(Viewer("yan", False, frozenset({"zed"})), "yan", members) == members
    assert visible_members(bob, "yan", members) == ["cat"]
    assert visible_members(Viewer("lea", False, frozenset()), "yan", members) == []


def test_a_manager_assigns_their_own_people_or_team_but_not_others():
    bob = Viewer("bob", False, reports_of("bob", LINES, 3))
    assert may_assign(bob, None, ["cat", "dan"])
    assert not may_assign(bob, None, ["cat", "eve"])
    assert not may_assign(bob, None, [])
    assert may_assign(bob, "bob", ["zed"])
    assert may_assign(Viewer("hana", True, frozenset()), None, ["zed"])


def test_membership_change_names_who_joined_and_who_left():
    assert membership_change(["a", "b"], ["b", "c"]) == ({"c"}, {"a"})


def test_due_dates_fixed_or_counted_from_the_assignment():
    assert due_date(NOW, None, 14) == NOW + timedelta(days=14)
    assert due_date(NOW, NOW + timedelta(days=3), 14) == NOW + timedelta(days=3)
    assert due_date(NOW, None, None) is None
    assert is_overdue("active", NOW - timedelta(seconds=1), NOW)
    assert not is_overdue("completed", NOW - timedelta(days=1), NOW)
    assert not is_overdue("active", None, NOW)
