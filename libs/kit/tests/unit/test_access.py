"""The access rule against an in-memory directory that records what it was asked."""

from __future__ import annotations

from collections.abc import Collection, Mapping

import pytest

from lms.kit.access import Access, Team, managed_within, manager_depth, reports_within
from lms.kit.auth import Principal

# ann <- bob <- cat <- dan (bob reports to ann, ...); eve reports to ann; zed to yan
LINES = {"ann": None, "bob": "ann", "cat": "bob", "dan": "cat", "eve": "ann", "zed": "yan", "yan": None}
TEAMS = [Team("desk", "yan", frozenset({"bob", "zed"})), Team("gone", None, frozenset({"eve"}))]


class Lines:
    """A directory in memory; `asked` keeps every lookup with the people it named."""

    def __init__(self, lines: Mapping[str, str | None] = LINES, teams: list[Team] = TEAMS):
        self.lines, self.teams, self.asked = dict(lines), teams, []

    def managers_of(self, learners: Collection[str]) -> Mapping[str, str | None]:
        self.asked.append(("up", frozenset(learners)))
        return {p: self.lines[p] for p in learners if p in self.lines}

    def reports_of(self, managers: Collection[str]) -> Collection[str]:
        self.asked.append(("down", frozenset(managers)))
        return {p for p, m in self.lines.items() if m in managers}

    def named_members(self, manager: str, learners: Collection[str] | None) -> Collection[str]:
        members = set().union(*(t.members for t in self.teams if t.manager_id == manager))
        return members if learners is None else members & set(learners)


def access(sub: str, *roles: str, depth: int = 3, lines: Lines | None = None) -> Access:
    return Access.of(Principal(sub, frozenset(roles)), lines or Lines(), depth)


def test_a_line_reaches_its_managers_within_the_depth_and_no_further():
    lines = Lines()
    assert managed_within(lines, "ann", ["bob", "cat", "dan", "zed"], 2) == {"bob", "cat"}
    assert managed_within(lines, "ann", ["dan"], 3) == {"dan"}
    assert managed_within(lines, "ann", ["dan"], 0) == set()
    assert reports_within(lines, "ann", 1) == {"bob", "eve"}
    assert reports_within(lines, "ann", 10) == {"bob", "eve", "cat", "dan"}
    assert reports_within(lines, "dan", 10) == set()


def test_the_walk_asks_a_level_at_a_time_only_for_the_people_in_question():
    lines = Lines()
    assert managed_within(lines, "ann", ["dan", "zed"], 5) == {"dan"}
    assert lines.asked == [
        ("up", {"dan", "zed"}),
        ("up", {"cat", "yan"}),
        ("up", {"bob"}),
    ]


def test_a_loop_in_the_manager_lines_ends_the_walk():
    loop = Lines({"a": "c", "b": "a", "c": "b"}, [])
    assert reports_within(loop, "a", 50) == {"b", "c"}
    assert managed_within(loop, "x", ["a", "b", "c"], 50) == set()
    assert len(loop.asked) == 3 + 3  # each walk ends when every line is back where it started


def test_hr_and_admins_see_everyone_a_learner_only_themselves():
    assert access("hana", "hr").sees("dan")
    assert access("root", "admin").sees("zed")
    bob = access("bob", "learner")
    assert [bob.sees("bob"), bob.sees("ann"), bob.sees("eve")] == [True, False, False]
    assert bob.oversees(["bob"]) == set()


def test_a_teams_named_manager_oversees_its_members_and_line_managers_their_reports():
    yan = access("yan", "learner")
    assert yan.oversees(["bob", "zed", "cat", "eve"]) == {"bob", "zed"}  # bob by the team, zed by line
    assert access("bob", "learner", depth=1).oversees(["cat", "dan"]) == {"cat"}


def test_a_team_is_whole_for_its_named_manager_and_a_manager_of_every_member_else_only_their_people():
    desk = Team("desk", "yan", frozenset({"bob", "zed"}))
    assert access("yan").team(desk).whole
    ann = access("ann").team(desk)
    assert (ann.whole, ann.members, ann.visible) == (False, {"bob"}, True)
    assert not access("eve").team(desk).visible
    both = Team("both", None, frozenset({"bob", "eve"}))
    assert access("ann").team(both).whole  # ann manages every member: she sees the team whole
    majority = Team("most", None, frozenset({"bob", "cat", "eve", "zed"}))
    assert not access("ann").team(majority).whole  # most of a team is not the team
    assert access("hana", "hr").team(majority).whole


def test_being_a_member_of_a_team_makes_nobody_its_manager():
    alone = Team("solo", None, frozenset({"bob"}))
    assert not access("bob").team(alone).visible
    lead = Team("lead", None, frozenset({"bob", "cat"}))
    assert access("bob").team(lead).whole  # bob manages everyone else in it
    assert access("ann").team(None).visible is False


def test_a_list_of_teams_is_seen_as_each_team_is_with_one_walk_down():
    teams = [
        Team("desk", "yan", frozenset({"bob", "zed"})),
        Team("both", None, frozenset({"bob", "eve"})),
        Team("most", None, frozenset({"bob", "cat", "eve", "zed"})),
        Team("deep", None, frozenset({"dan"})),
        Team("lead", None, frozenset({"bob", "cat"})),
        Team("empty", "ann", frozenset()),
    ]
    for viewer in ("ann", "bob", "yan", "zed", "hana"):
        for depth in (1, 2, 3):
            rule = access(viewer, *(["hr"] if viewer == "hana" else []), depth=depth)
            assert rule.teams(teams) == [rule.team(t) for t in teams], (viewer, depth)
    lines = Lines()
    access("ann", lines=lines).teams(teams)
    assert [kind for kind, _ in lines.asked] == ["down", "down", "down"]


def test_overseen_gathers_reports_and_named_teams_members():
    assert access("yan").overseen() == {"zed", "bob"}
    assert access("ann", depth=1).overseen() == {"bob", "eve"}


@pytest.mark.parametrize(("raw", "depth"), [(None, 3), ("0", 0), ("5", 5)])
def test_the_depth_comes_from_the_environment(raw, depth):
    assert manager_depth({} if raw is None else {"LMS_MANAGER_DEPTH": raw}) == depth


@pytest.mark.parametrize("raw", ["three", "-1", ""])
def test_a_bad_depth_stops_the_process(raw):
    with pytest.raises(SystemExit, match="LMS_MANAGER_DEPTH"):
        manager_depth({"LMS_MANAGER_DEPTH": raw})
