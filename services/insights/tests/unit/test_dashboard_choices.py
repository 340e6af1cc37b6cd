"""What the dashboard opens on when nobody has chosen: the latest results of the viewer's teams."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from lms.insights.domain.choices import (
    AnalysisRef,
    CourseDone,
    default_analysis,
    default_course,
    default_team,
)

NOW = datetime(2026, 12, 7, 12, tzinfo=UTC)


def analysis(name: str, team: str, opened_days_ago: int, closed_days_ago: int | None, lasts: int = 14):
    opens = NOW - timedelta(days=opened_days_ago)
    closed = NOW - timedelta(days=closed_days_ago) if closed_days_ago is not None else None
    return AnalysisRef(name, team, opens, opens + timedelta(days=lasts), closed)


def test_the_analysis_that_closed_last_is_shown_before_a_newer_one_still_open():
    older = analysis("older", "t", 200, 186)
    latest = analysis("latest", "t", 100, 86)
    running = analysis("running", "t", 3, None)
    assert default_analysis([older, running, latest], NOW) == latest


def test_while_none_has_closed_the_latest_opened_is_shown_and_one_past_its_time_counts_as_closed():
    first, second = analysis("first", "t", 10, None), analysis("second", "t", 2, None)
    assert default_analysis([first, second], NOW) == second
    due = analysis("due", "t", 20, None, lasts=14)  # closes_at passed: the next read closes it
    assert due.status(NOW) == "closed"
    assert default_analysis([second, due], NOW) == due
    assert default_analysis([], NOW) is None


def test_the_course_most_of_the_team_completed_is_chosen_the_latest_on_a_tie_and_none_before_any():
    july, august = datetime(2026, 7, 1, tzinfo=UTC), datetime(2026, 8, 1, tzinfo=UTC)
    done = {"a": CourseDone(3, august), "b": CourseDone(5, july), "c": CourseDone(5, august)}
    assert default_course(done) == "c"
    assert default_course({}) is None


def test_the_team_whose_analysis_closed_last_opens_else_the_first_by_name():
    analyses = [
        analysis("n1", "north", 100, 86),
        analysis("s1", "south", 90, 70),
        analysis("e1", "east", 5, None),
    ]
    assert default_team(["east", "north", "south"], analyses, NOW) == "south"
    assert default_team(["east", "west"], analyses, NOW) == "east"
    assert default_team([], analyses, NOW) is None
