"""The dashboard's sentences: each state a report can be in, and a KPI around the training."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from lms.insights.domain.choices import AnalysisRef
from lms.insights.service.notes import answered, kpi_summary, why_no_causes

NOW = datetime(2026, 12, 7, 12, tzinfo=UTC)
CLOSED = AnalysisRef("a", "t", NOW - timedelta(days=30), NOW - timedelta(days=16), NOW - timedelta(days=16))
OPEN = AnalysisRef("b", "t", NOW - timedelta(days=2), NOW + timedelta(days=12), None)
COUNTS = {"respondents": 4, "invited": 6, "min_group_size": 5, "suppressed": True}


def test_each_state_without_aggregates_is_said_plainly():
    assert why_no_causes(None, None, NOW) == ("none", "No needs analysis has been run for this team yet.")
    state, note = why_no_causes({**COUNTS, "status": "open"}, OPEN, NOW)
    assert state == "open"
    assert note.startswith("Not available yet: the needs analysis is open until 19 December 2026")
    state, note = why_no_causes(COUNTS, CLOSED, NOW)
    assert state == "too_few"
    assert note.startswith("Not enough responses: 4 answered, and at least 5 are needed")
    withheld = {**COUNTS, "respondents": 9, "reason": "It differs from an earlier report by too few people."}
    assert why_no_causes(withheld, CLOSED, NOW) == (
        "withheld",
        "Withheld: It differs from an earlier report by too few people.",
    )
    assert why_no_causes({**COUNTS, "status": "releasing"}, CLOSED, NOW)[0] == "pending"


def test_a_kpi_summary_reads_ratios_as_percentages_and_seconds_as_seconds_or_gives_the_caution():
    fcr = {"baseline": 0.6133, "after": 0.72, "change_pct": 17.4, "periods_before": 6, "periods_after": 5}
    assert (
        kpi_summary(fcr, "ratio")
        == "Before the training 61% on average over 6 periods; after it 72% over 5 (+17%)."
    )
    aht = {**fcr, "baseline": 312.5, "after": 337.2, "change_pct": 7.9}
    assert kpi_summary(aht, "seconds").startswith("Before the training 312 s on average")
    assert kpi_summary({**fcr, "caution": "Too few periods to say anything."}, "ratio") == (
        "Too few periods to say anything."
    )


def test_the_causes_shown_say_who_answered_and_when_the_analysis_closed():
    assert answered({"respondents": 8, "invited": 8}, CLOSED) == (
        "All 8 people invited answered; the analysis closed on 21 November 2026."
    )
    assert answered({"respondents": 6, "invited": 8}, CLOSED).startswith("6 of the 8 people invited answered")
