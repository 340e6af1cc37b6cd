"""Differencing: a report is withheld when it and an earlier released one isolate too few people."""

from __future__ import annotations

from lms.insights.domain.differencing import differing, differs_by_too_few, too_close

FIVE = {f"p{i}": 0.2 for i in range(5)}


def test_one_more_person_isolates_that_person():
    earlier = {"impact": FIVE}
    later = {"impact": {**FIVE, "newcomer": 0.9}}
    assert differing(FIVE, later["impact"]) == {"newcomer"}
    assert too_close(later, earlier, min_group=5)


def test_one_changed_result_isolates_that_change():
    retaken = {**FIVE, "p0": 0.8}
    assert too_close({"impact": retaken}, {"impact": FIVE}, min_group=5)


def test_the_same_results_or_enough_changes_isolate_nobody():
    assert not too_close({"impact": dict(FIVE)}, {"impact": FIVE}, min_group=5)
    five_more = {**FIVE, **{f"q{i}": 0.5 for i in range(5)}}
    assert not too_close({"impact": five_more}, {"impact": FIVE}, min_group=5)


def test_a_competency_only_one_of_the_two_could_show_is_not_compared():
    four = {f"p{i}": 0.2 for i in range(4)}
    assert not too_close({"impact": FIVE}, {"impact": four}, min_group=5)  # four were never shown
    assert not too_close({"impact": FIVE}, {"language": FIVE}, min_group=5)


def test_any_earlier_released_report_can_withhold_a_later_one():
    later = {"impact": {**FIVE, "newcomer": 0.9}}
    assert differs_by_too_few(later, [{"impact": later["impact"]}, {"impact": FIVE}], min_group=5)
    assert not differs_by_too_few(later, [], min_group=5)
