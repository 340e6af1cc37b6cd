"""What the leader dashboard draws: chart specs over the same aggregates the API returns."""

from __future__ import annotations

from typing import Any

from lms.insights.service import analyses, charts, impact, series
from lms.insights.service.context import Context
from lms.kit.auth import Principal


def dashboard_charts(
    ctx: Context, principal: Principal, *, team_id: str, course_id: str | None, analysis_id: str | None
) -> dict[str, Any]:
    """Causes (when the analysis shows aggregates), completions and each KPI before/after."""
    found: dict[str, Any] = {"causes": None, "causes_note": None, "completions": None, "kpis": []}
    if analysis_id:
        report = analyses.report(ctx, principal, analysis_id)
        if report.get("suppressed"):
            found["causes_note"] = _why_suppressed(report)
        else:
            found["causes"] = charts.causes_chart(report["causes"])
    values = series.team_kpis(ctx, principal, team_id, None)["items"]
    if course_id:
        effect = impact.team_impact(ctx, principal, team_id, course_id)
        done = impact.completions_over_time(ctx, principal, team_id, course_id)
        found["completions"] = charts.completions_chart(done, effect["window"]["members"])
        found["kpis"] = [_kpi(m, values, effect["window"]) for m in effect["metrics"]]
        found["impact_note"] = effect["note"]
    return found


def _kpi(figures: dict[str, Any], values: list[dict[str, Any]], window: dict[str, Any]) -> dict[str, Any]:
    own = [v for v in values if v["metric"] == figures["metric"]]
    return {
        "metric": figures["metric"],
        "figures": figures,
        "spec": charts.kpi_chart(figures["metric"], own, window),
    }


def _why_suppressed(report: dict[str, Any]) -> str:
    if report.get("status") == "open":
        so_far = report["respondents"]
        return f"The analysis is open; aggregates appear once it closes ({so_far} responses so far)."
    return f"Not enough responses: {report['respondents']} of at least {report['min_group_size']} needed."
