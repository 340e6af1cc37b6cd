"""The dashboard's sentences: why no causes are shown, and what a KPI did around the training."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from lms.insights.domain.choices import AnalysisRef


def long_day(moment: datetime) -> str:
    return f"{moment.day} {moment:%B %Y}"


def answered(report: dict[str, Any], analysis: AnalysisRef) -> str:
    """Who the shown causes come from, and when the analysis closed."""
    respondents, invited = report["respondents"], report["invited"]
    who = f"All {invited}" if respondents == invited else f"{respondents} of the {invited}"
    return f"{who} people invited answered; the analysis closed on {long_day(analysis.closing())}."


def why_no_causes(
    report: dict[str, Any] | None, analysis: AnalysisRef | None, now: datetime
) -> tuple[str, str]:
    """(state, sentence) for an analysis whose report shows no aggregates, or for no analysis."""
    if report is None or analysis is None:
        return "none", "No needs analysis has been run for this team yet."
    status = report.get("status")
    if status == "open" or analysis.status(now) == "open":
        so_far = report.get("respondents", 0)
        return "open", (
            f"Not available yet: the needs analysis is open until {long_day(analysis.closes_at)}, "
            f"and its results appear once it closes ({so_far} responses so far)."
        )
    if status not in (None, "closed"):
        return "pending", "Not available yet: the responses are still being counted."
    if report["respondents"] < report["min_group_size"]:
        return "too_few", (
            f"Not enough responses: {report['respondents']} answered, and at least "
            f"{report['min_group_size']} are needed so that no one's answers can be picked out."
        )
    if report.get("reason"):
        return "withheld", f"Withheld: {report['reason']}"
    return "pending", "Not available yet: the responses are still being counted."


def kpi_summary(figures: dict[str, Any], unit: str) -> str:
    """Before and after the training window in one line, or why there is no comparison."""
    if figures.get("caution"):
        return figures["caution"]
    before, after = _amount(figures["baseline"], unit), _amount(figures["after"], unit)
    change = figures.get("change_pct")
    moved = f" ({change:+.0f}%)" if change is not None else ""
    return (
        f"Before the training {before} on average over {figures['periods_before']} periods; "
        f"after it {after} over {figures['periods_after']}{moved}."
    )


def _amount(value: float, unit: str) -> str:
    if unit == "ratio":
        return f"{value:.0%}"
    if unit == "seconds":
        return f"{value:.0f} s"
    return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
