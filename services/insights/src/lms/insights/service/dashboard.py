"""What the leader dashboard draws for a team: chart specs over the same aggregates the API returns.

Without a chosen analysis or course it takes the team's latest closed analysis and the course
most of its members completed (`domain/choices.py`), and says which it took.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lms.insights.db import iso, needs_analyses
from lms.insights.domain.choices import AnalysisRef, default_analysis, default_course
from lms.insights.domain.errors import NotFound
from lms.insights.service import charts, impact, metrics, presenters, series
from lms.insights.service.catalog import course_titles
from lms.insights.service.choices import analyses_of, courses_done
from lms.insights.service.context import Context
from lms.insights.service.directory import Team
from lms.insights.service.notes import answered, kpi_summary, why_no_causes
from lms.insights.service.viewer import team_visible_to
from lms.kit.auth import Principal


def dashboard_charts(
    ctx: Context, principal: Principal, *, team_id: str, course_id: str | None, analysis_id: str | None
) -> dict[str, Any]:
    """Causes (when the analysis shows aggregates), completions and each KPI before/after."""
    now = ctx.clock()
    with ctx.uow() as uow:
        team = team_visible_to(ctx, uow.session, principal, team_id)
        analysis = _analysis(uow.session, team, analysis_id, now)
        course_id = course_id or default_course(courses_done(uow.session, team))
        title = course_titles(uow.session).get(course_id) if course_id else None
    return {
        "team": {"team_id": team.team_id, "display_name": team.display_name, "members": len(team.members)},
        "needs_analysis": _analysis_view(analysis, now),
        "course": {"course_id": course_id, "title": title} if course_id else None,
        **_causes(ctx, principal, analysis, now),
        **_training(ctx, principal, team, course_id, title),
    }


def _analysis(session: Session, team: Team, analysis_id: str | None, now: datetime) -> AnalysisRef | None:
    if analysis_id is None:
        return default_analysis(analyses_of(session, [team.team_id]), now)
    row = session.execute(
        select(needs_analyses).where(
            needs_analyses.c.id == analysis_id, needs_analyses.c.team_id == team.team_id
        )
    ).first()
    if row is None:
        raise NotFound(f"No needs analysis {analysis_id} of this team.")
    return AnalysisRef(row.id, row.team_id, row.opens_at, row.closes_at, row.closed_at)


def _analysis_view(analysis: AnalysisRef | None, now: datetime) -> dict[str, Any] | None:
    if analysis is None:
        return None
    return {"id": analysis.id, "status": analysis.status(now), "closes_at": iso(analysis.closes_at)}


def _causes(
    ctx: Context, principal: Principal, analysis: AnalysisRef | None, now: datetime
) -> dict[str, Any]:
    if analysis is None:
        state, note = why_no_causes(None, None, now)
        return {"causes": None, "causes_state": state, "causes_note": note}
    report = presenters.labelled_report(ctx, principal, analysis.id)
    if report.get("suppressed"):
        state, note = why_no_causes(report, analysis, now)
        return {"causes": None, "causes_state": state, "causes_note": note}
    return {
        "causes": charts.causes_chart(report["causes"]),
        "causes_state": "shown",
        "causes_note": answered(report, analysis),
        "findings": _findings(report),
    }


def _findings(report: dict[str, Any]) -> dict[str, Any]:
    """What the report asks of the leader, and what training can do, by name."""
    return {
        "act_on": [
            {
                "label": c["label"],
                "finding": c["finding"],
                "modules": [m["title"] for m in c["leader_modules"]],
            }
            for c in report["system_causes"]
        ],
        "train": [
            {"label": g["label"], "modules": [m["title"] for m in g["recommended_modules"]]}
            for g in report["skill_gaps"]
        ],
    }


def _training(
    ctx: Context, principal: Principal, team: Team, course_id: str | None, title: str | None
) -> dict[str, Any]:
    """Completions of the course and each KPI, the course's training window shaded."""
    values = series.team_kpis(ctx, principal, team.team_id, None)["items"]
    found: dict[str, Any] = {"completions": None, "completions_note": None, "impact_note": None}
    window: dict[str, Any] = {}
    figures: dict[str, dict[str, Any]] = {}
    if course_id:
        effect = impact.team_impact(ctx, principal, team.team_id, course_id)
        done = impact.completions_over_time(ctx, principal, team.team_id, course_id)
        window, figures = effect["window"], {m["metric"]: m for m in effect["metrics"]}
        found["completions"] = charts.completions_chart(done, window["members"]) if done else None
        found["impact_note"] = effect["note"]
    if not found["completions"]:
        named = title or "a course"
        found["completions_note"] = f"No member of the team has completed {named} yet."
    found["kpis"] = [
        _kpi(
            metric, [v for v in values if v["metric"] == metric["name"]], window, figures.get(metric["name"])
        )
        for metric in metrics.list_metrics(ctx)
        if any(v["metric"] == metric["name"] for v in values)
    ]
    found["kpis_note"] = None if found["kpis"] else "No service KPIs have been reported for this team yet."
    return found


def _kpi(
    metric: dict[str, Any],
    values: list[dict[str, Any]],
    window: dict[str, Any],
    figures: dict[str, Any] | None,
) -> dict[str, Any]:
    label = metric_label(metric)
    return {
        "metric": metric["name"],
        "label": label,
        "better": "higher is better" if metric["higher_is_better"] else "lower is better",
        "figures": figures,
        "summary": kpi_summary(figures, metric["unit"]) if figures else None,
        "spec": charts.kpi_chart(label, metric["unit"], values, window),
    }


def metric_label(metric: dict[str, Any]) -> str:
    """A metric as people say it: its description when short, else its name in words."""
    words = metric["description"] if len(metric["description"]) <= 60 else metric["name"].replace("_", " ")
    return f"{words} ({metric['unit']})" if metric["unit"] in ("seconds", "minutes") else words
