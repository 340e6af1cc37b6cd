"""Impact maths: the training window, baseline and after, change, and cautions."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from lms.insights.domain.impact import Period, metric_impact, training_window


def month(m: int, value: float) -> Period:
    start = date(2026, m, 1)
    end = date(2026, m + 1, 1).replace(day=1) if m < 12 else date(2026, 12, 31)
    return Period(start, date.fromordinal(end.toordinal() - 1) if m < 12 else end, value)


def completed(day: int, m: int) -> datetime:
    return datetime(2026, m, day, 12, tzinfo=UTC)


def test_the_window_closes_when_more_than_half_of_the_current_team_has_completed():
    members = [f"m{i}" for i in range(6)]
    done = {
        "m0": completed(3, 5),
        "m1": completed(20, 5),
        "m2": completed(2, 6),
        "m3": completed(9, 6),
        "outsider": completed(1, 1),
    }
    window = training_window(members, done)
    assert window.opened == date(2026, 5, 3)
    assert window.closed == date(2026, 6, 9)  # the 4th of 6 (more than half)
    assert (window.completed, window.members) == (4, 6)


def test_baseline_and_after_leave_out_the_periods_touching_the_window():
    series = [
        month(m, v)
        for m, v in zip(range(1, 13), [3.0, 3.2, 3.4, 3.0, 9, 9, 4.0, 4.2, 4.4, 4.0, 4.2, 4.4], strict=True)
    ]
    window = training_window(["a", "b", "c"], {"a": completed(10, 5), "b": completed(20, 6)})
    found = metric_impact("csat", series, window)
    assert (found["periods_before"], found["periods_after"]) == (4, 6)
    assert found["baseline"] == pytest.approx(3.15)
    assert found["after"] == pytest.approx(4.2)
    assert found["change"] == pytest.approx(1.05)
    assert found["change_pct"] == pytest.approx(33.33)
    assert "caution" not in found


def test_too_few_periods_or_no_after_give_a_caution():
    window = training_window(["a", "b", "c"], {"a": completed(10, 5), "b": completed(20, 6)})
    few = metric_impact("csat", [month(1, 3), month(2, 3), month(8, 4)], window)
    assert "Too few periods" in few["caution"]
    not_yet = metric_impact("csat", [month(1, 3)], training_window(["a", "b", "c"], {"a": completed(1, 5)}))
    assert not_yet["after"] is None
    assert "not completed" in not_yet["caution"]
