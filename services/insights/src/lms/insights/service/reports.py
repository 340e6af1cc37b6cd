"""The report of a needs analysis, from aggregates only; small groups get counts and nothing else."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from lms.insights.db import diagnostics, participations, survey_responses
from lms.insights.domain.aggregation import Thresholds, diagnostic_gaps, summarise
from lms.insights.domain.report import Counts, build_report, suppressed
from lms.insights.service.catalog import current_modules
from lms.insights.service.context import Context

NOTE = "Aggregates over the team's anonymous responses; no individual answer is stored or shown."


def report_of(session: Session, ctx: Context, analysis: Row) -> dict[str, Any]:
    """The report as of now (a closed analysis keeps the one computed when it closed)."""
    counts = _counts(session, analysis)
    head = {
        "needs_analysis_id": analysis.id,
        "team_id": analysis.team_id,
        "respondents": counts.respondents,
        "invited": counts.invited,
        "min_group_size": ctx.thresholds.min_respondents,
    }
    if suppressed(counts, ctx.thresholds):
        return {**_small_group_head(head), "suppressed": True}
    staff = summarise(_scores(session, analysis.id, analysis.survey_id), ctx.thresholds)
    gaps = diagnostic_gaps(_diagnostics(session, analysis.invited), ctx.thresholds)
    body = build_report(
        counts, staff, gaps, current_modules(session), ctx.leaders_course_slug, ctx.thresholds
    )
    return {
        **head,
        "participated": counts.participated,
        "response_rate": round(counts.participated / counts.invited, 4) if counts.invited else None,
        "suppressed": False,
        **body,
        "leader_questionnaire": _leader_view(session, analysis, ctx.thresholds),
        "note": NOTE,
    }


def _small_group_head(head: dict[str, Any]) -> dict[str, Any]:
    return {k: head[k] for k in ("respondents", "invited", "min_group_size")}


def _counts(session: Session, analysis: Row) -> Counts:
    respondents = session.scalar(
        select(func.count()).where(
            survey_responses.c.needs_analysis_id == analysis.id,
            survey_responses.c.survey_id == analysis.survey_id,
        )
    )
    participated = session.scalar(
        select(func.count()).where(
            participations.c.needs_analysis_id == analysis.id,
            participations.c.survey_id == analysis.survey_id,
        )
    )
    return Counts(len(analysis.invited), participated or 0, respondents or 0)


def _scores(session: Session, analysis_id: str, survey_id: str) -> list[dict[str, float]]:
    return list(
        session.scalars(
            select(survey_responses.c.scores).where(
                survey_responses.c.needs_analysis_id == analysis_id, survey_responses.c.survey_id == survey_id
            )
        )
    )


def _diagnostics(session: Session, members: list[str]) -> list[tuple[str, str, float]]:
    rows = session.execute(
        select(diagnostics.c.learner_id, diagnostics.c.competency, diagnostics.c.percent).where(
            diagnostics.c.learner_id.in_(members)
        )
    )
    return [(r.learner_id, r.competency, r.percent) for r in rows]


def _leader_view(session: Session, analysis: Row, thresholds: Thresholds) -> dict[str, Any] | None:
    """The leader questionnaire under the same floor: one leader's answers are never shown."""
    if not analysis.leader_questionnaire_id:
        return None
    scores = _scores(session, analysis.id, analysis.leader_questionnaire_id)
    if len(scores) < thresholds.min_respondents:
        return {"responses": len(scores), "suppressed": True}
    causes = summarise(scores, thresholds)
    return {
        "responses": len(scores),
        "suppressed": False,
        "causes": [{"cause": c.cause, "share": c.share, "strength": c.strength} for c in causes],
    }
