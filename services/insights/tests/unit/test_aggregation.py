"""Aggregates over anonymous responses: shares, strengths, the floor and the group minimum."""

from __future__ import annotations

import pytest

from lms.insights.domain.aggregation import Thresholds, diagnostic_gaps, is_finding, summarise
from lms.insights.service.context import thresholds_from


def test_share_counts_responses_at_or_above_the_reporting_line_and_strength_is_the_mean():
    responses = [{"system:metrics": s} for s in (1.0, 0.75, 0.6, 0.5, 0.0)]
    (summary,) = summarise(responses, Thresholds())
    assert summary.cause == "system:metrics"
    assert summary.answered == 5
    assert summary.share == 0.6  # 1.0, 0.75 and 0.6 report it
    assert summary.strength == pytest.approx(0.57)
    assert is_finding(summary, Thresholds())


def test_a_tag_answered_by_fewer_than_the_minimum_is_left_out():
    responses = [{"system:metrics": 1.0, "system:policy": 1.0}] * 4 + [{"system:metrics": 1.0}] * 2
    assert [s.cause for s in summarise(responses, Thresholds())] == ["system:metrics"]


def test_the_minimum_group_size_can_never_be_set_below_three():
    with pytest.raises(ValueError, match="below 3"):
        Thresholds(min_respondents=2)
    with pytest.raises(SystemExit):
        thresholds_from({"LMS_INSIGHTS_MIN_RESPONDENTS": "2"})
    with pytest.raises(SystemExit):
        thresholds_from({"LMS_INSIGHTS_MIN_RESPONDENTS": "five"})
    assert thresholds_from({}).min_respondents == 5
    assert thresholds_from({"LMS_INSIGHTS_MIN_RESPONDENTS": "3"}).min_respondents == 3


def test_a_diagnostic_gap_needs_most_assessed_members_under_the_line_and_a_big_enough_group():
    results = [(f"l{i}", "asking-about-impact", p) for i, p in enumerate((0.2, 0.4, 0.5, 0.9, 0.3))]
    results += [(f"l{i}", "positive-language", 0.9) for i in range(5)]
    results += [(f"l{i}", "question-sequencing", 0.1) for i in range(4)]  # only 4 assessed
    (gap,) = diagnostic_gaps(results, Thresholds())
    assert gap.competency == "asking-about-impact"
    assert gap.members_assessed == 5
    assert gap.share_below == 0.8
    assert gap.mean_percent == pytest.approx(0.46)


def test_the_web_app_refuses_to_start_with_a_minimum_below_three(monkeypatch):
    from lms.insights.app import create_app
    from lms.kit.config import JwtSettings, Settings

    monkeypatch.setenv("LMS_INSIGHTS_MIN_RESPONDENTS", "2")
    settings = Settings(service="insights", database_url="sqlite://", jwt=JwtSettings(secret="s" * 32))
    with pytest.raises(SystemExit, match="may not be below 3"):
        create_app(settings)


def test_shares_and_means_are_rounded_to_whole_percent():
    responses = [{"system:metrics": 0.8}] * 5 + [{"system:metrics": 0.0}]
    (summary,) = summarise(responses, Thresholds())
    assert (summary.share, summary.strength) == (0.83, 0.67)  # 5/6 = 0.8333, 4/6 = 0.6667
    results = [(f"l{i}", "asking-about-impact", p) for i, p in enumerate((0.2, 0.3, 0.4, 0.9, 0.95, 0.35))]
    (gap,) = diagnostic_gaps(results, Thresholds())
    assert (gap.share_below, gap.mean_percent) == (0.67, 0.52)  # 4/6 = 0.6667, 3.1/6 = 0.5167
