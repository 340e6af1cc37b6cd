"""The report of a needs analysis, computed once from its own snapshot; counts only when withheld.

The snapshot is what this analysis alone saw: the responses released to it (no learner, no time,
no order) and its invitees' diagnostic results when it closed, never the live per-learner table.
A report is withheld when too few responded, or when an earlier released report over nearly the
same people would let a reader subtract one from the other (decision 0056).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, insert, literal, select, text
from sqlalchemy.orm import Session

from lms.insights.db import analysis_diagnostics, diagnostics, iso, needs_analyses, survey_responses
from lms.insights.domain.aggregation import Thresholds, diagnostic_gaps, summarise, whole_percent
from lms.insights.domain.differencing import Snapshot, differs_by_too_few
from lms.insights.domain.report import (
    Counts,
    build_report,
    suppressed,
    too_close_to_an_earlier_report,
    too_few,
)
from lms.insights.service.catalog import current_modules

NOTE = "Aggregates over the team's anonymous responses; no individual answer is stored or shown."
RELEASE_LOCK = 0x4C4D5349  # a PostgreSQL advisory lock: one report is compared and released at a time


@dataclass(frozen=True)
class ReportRules:
    thresholds: Thresholds
    leaders_course_slug: str


def take_snapshot(session: Session, analysis: Row) -> None:
    """Copy the invitees' latest diagnostic results as they are now, the analysis closing."""
    rows = select(
        literal(analysis.id), diagnostics.c.learner_id, diagnostics.c.competency, diagnostics.c.percent
    ).where(diagnostics.c.learner_id.in_(list(analysis.invited)))
    columns = ["needs_analysis_id", "learner_id", "competency", "percent"]
    session.execute(insert(analysis_diagnostics).from_select(columns, rows))


def freeze_report(
    session: Session, rules: ReportRules, analysis: Row, respondents: Mapping[str, int]
) -> dict[str, Any]:
    """The final report, given how many answered each survey of the analysis."""
    thresholds, answered = rules.thresholds, respondents.get(analysis.survey_id, 0)
    counts = Counts(len(analysis.invited), answered, answered)
    head = {
        "needs_analysis_id": analysis.id,
        "team_id": analysis.team_id,
        "respondents": answered,
        "invited": counts.invited,
        "min_group_size": thresholds.min_respondents,
    }
    if suppressed(counts, thresholds):
        return withheld(head, too_few(counts, thresholds))
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": RELEASE_LOCK})
    snapshot = _snapshot(session, [analysis.id])[analysis.id]
    earlier = _released_over(session, analysis.id, snapshot).values()
    if differs_by_too_few(snapshot, earlier, thresholds.min_respondents):
        return withheld(head, too_close_to_an_earlier_report(thresholds))
    staff = summarise(_scores(session, analysis.id, analysis.survey_id), thresholds)
    gaps = diagnostic_gaps(_results(snapshot), thresholds)
    body = build_report(counts, staff, gaps, current_modules(session), rules.leaders_course_slug, thresholds)
    return {
        **head,
        "participated": answered,
        "response_rate": whole_percent(answered / counts.invited) if counts.invited else None,
        "suppressed": False,
        "status": "closed",
        "closed_at": iso(analysis.closed_at),
        **body,
        "leader_questionnaire": _leader_view(session, analysis, respondents, thresholds),
        "note": NOTE,
    }


def withheld(head: Mapping[str, Any], reason: str) -> dict[str, Any]:
    """Counts, the state and why: nothing else of a report that is not shown."""
    keep = {k: head[k] for k in ("respondents", "invited", "min_group_size")}
    return {**keep, "suppressed": True, "status": "closed", "reason": reason}


def _snapshot(session: Session, analysis_ids: Iterable[str]) -> dict[str, Snapshot]:
    found: dict[str, dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    ids = list(analysis_ids)
    query = select(analysis_diagnostics).where(analysis_diagnostics.c.needs_analysis_id.in_(ids))
    for row in session.execute(query):
        found[row.needs_analysis_id][row.competency][row.learner_id] = row.percent
    return {analysis_id: found[analysis_id] for analysis_id in ids}


def _released_over(session: Session, analysis_id: str, snapshot: Snapshot) -> dict[str, Snapshot]:
    """The snapshots of released reports that share a person with `snapshot`."""
    people = {person for results in snapshot.values() for person in results}
    if not people:
        return {}
    sharing = (
        select(analysis_diagnostics.c.needs_analysis_id)
        .join(needs_analyses, needs_analyses.c.id == analysis_diagnostics.c.needs_analysis_id)
        .where(
            analysis_diagnostics.c.learner_id.in_(sorted(people)),
            needs_analyses.c.report_released.is_(True),
            needs_analyses.c.id != analysis_id,
        )
        .distinct()
    )
    return _snapshot(session, session.scalars(sharing).all())


def _results(snapshot: Snapshot) -> list[tuple[str, str, float]]:
    return [(person, c, percent) for c, results in snapshot.items() for person, percent in results.items()]


def _scores(session: Session, analysis_id: str, survey_id: str) -> list[dict[str, float]]:
    return list(
        session.scalars(
            select(survey_responses.c.scores).where(
                survey_responses.c.needs_analysis_id == analysis_id, survey_responses.c.survey_id == survey_id
            )
        )
    )


def _leader_view(
    session: Session, analysis: Row, respondents: Mapping[str, int], thresholds: Thresholds
) -> dict[str, Any] | None:
    """The leader questionnaire under the same floor: one leader's answers are never shown."""
    if not analysis.leader_questionnaire_id:
        return None
    answered = respondents.get(analysis.leader_questionnaire_id, 0)
    if answered < thresholds.min_respondents:
        return {"responses": answered, "suppressed": True}
    causes = summarise(_scores(session, analysis.id, analysis.leader_questionnaire_id), thresholds)
    return {
        "responses": answered,
        "suppressed": False,
        "causes": [{"cause": c.cause, "share": c.share, "strength": c.strength} for c in causes],
    }
