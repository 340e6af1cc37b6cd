"""Turning a grade into the attempt's stored result, and its events once the grade is final."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from lms.assessment.db import iso
from lms.assessment.domain.diagnostics import CompetencyScore, competency_scores, recommend
from lms.assessment.domain.grading import Grade
from lms.assessment.service.catalog import current_modules, read_catalogue, remember_diagnostic
from lms.assessment.service.context import PublishedVersion
from lms.assessment.service.results import AWAITING_REVIEW, GRADED, stored_result
from lms.contracts import events
from lms.kit.uow import UnitOfWork


def graded_values(
    session: Session, published: PublishedVersion, grade: Grade, now: datetime, comments: dict[str, str]
) -> dict[str, Any]:
    """The attempt columns for `grade`: status, score, percent, passed and the result document."""
    scores = competency_scores(grade.items)
    competencies = {c: _competency_json(s) for c, s in scores.items()}
    recommended = _recommended(session, published, grade, scores)
    final = not grade.pending_review
    return {
        "status": GRADED if final else AWAITING_REVIEW,
        "result": stored_result(grade, competencies, recommended, comments),
        "score": grade.score,
        "max_score": grade.max_score,
        "percent": grade.percent,
        "passed": grade.passed,
        "graded_at": now if final else None,
    }


def _competency_json(score: CompetencyScore) -> dict[str, Any]:
    return {"score": score.score, "max_score": score.max_score, "percent": score.percent}


def _recommended(
    session: Session, published: PublishedVersion, grade: Grade, scores: dict[str, CompetencyScore]
) -> list[dict[str, Any]]:
    assessment = published.assessment
    if assessment.kind != "diagnostic" or grade.pending_review:
        return []
    read_catalogue(session)  # a course event being applied now finishes first (decision 0038)
    return [asdict(r) for r in recommend(scores, assessment.recommend_below, current_modules(session))]


def emit_final_events(uow: UnitOfWork, row: Any, published: PublishedVersion, values: dict[str, Any]) -> None:
    """Announce `attempt.graded` (and a diagnostic's `diagnostic.completed`) once, when the grade is final."""
    if values["status"] != GRADED:
        return
    kind = published.assessment.kind
    common = {
        "attempt_id": row.id,
        "learner_id": row.learner_id,
        "assessment_id": row.assessment_id,
        "assessment_version": row.version,
        "competency_scores": values["result"]["competency_scores"],
    }
    graded = {
        **common,
        "assessment_kind": kind,
        "score": values["score"],
        "max_score": values["max_score"],
        "percent": values["percent"],
        "passed": values["passed"],
        "submitted_at": iso(values.get("submitted_at") or row.submitted_at),
    }
    uow.announce(events.ATTEMPT_GRADED, graded)
    if kind == "diagnostic":
        completed = diagnostic_completed(row, values["result"], values["graded_at"])
        uow.announce(events.DIAGNOSTIC_COMPLETED, completed)
        remember_diagnostic(uow.session, row.id, values, published.assessment.recommend_below)


def diagnostic_completed(row: Any, result: dict[str, Any], graded_at: datetime) -> dict[str, Any]:
    """The `diagnostic.completed` payload of a graded diagnostic attempt."""
    modules = [
        {k: m[k] for k in ("course_id", "course_version", "module_id", "competency")}
        for m in result["recommended_modules"]
    ]
    return {
        "attempt_id": row.id,
        "learner_id": row.learner_id,
        "assessment_id": row.assessment_id,
        "assessment_version": row.version,
        "competency_scores": result["competency_scores"],
        "recommended_modules": modules,
        "completed_at": iso(graded_at),
    }
