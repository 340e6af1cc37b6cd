"""JSON views of attempts: the owner sees everything of theirs; staff never see private reflections."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from lms.assessment.db import iso
from lms.assessment.domain.exposure import Order, learner_items
from lms.assessment.domain.grading import Grade
from lms.assessment.domain.model import Assessment, FreeTextItem
from lms.assessment.service.context import PublishedVersion
from lms.assessment.service.results import result_view

IN_PROGRESS, EXPIRED = "in_progress", "expired"


def status_of(row: Any, now: datetime, grace_s: float) -> str:
    """The stored status, or `expired` for an unsubmitted attempt past its time limit and grace."""
    expires_at = row.expires_at
    if row.status == IN_PROGRESS and expires_at and now > expires_at + timedelta(seconds=grace_s):
        return EXPIRED
    return row.status


def attempt_summary(row: Any, status: str) -> dict[str, Any]:
    """Identity, status and times; score, percent and pass only once submitted."""
    found = {
        "attempt_id": row.id,
        "assessment_id": row.assessment_id,
        "assessment_version": row.version,
        "learner_id": row.learner_id,
        "attempt_no": row.attempt_no,
        "status": status,
        "started_at": iso(row.started_at),
        "expires_at": iso(row.expires_at),
        "submitted_at": iso(row.submitted_at),
    }
    if row.submitted_at is not None:
        found.update(
            graded_at=iso(row.graded_at),
            score=row.score,
            max_score=row.max_score,
            percent=row.percent,
            passed=row.passed,
        )
    return found


def attempt_view(row: Any, published: PublishedVersion, status: str, *, owner: bool) -> dict[str, Any]:
    """The attempt with its questions, and once submitted its responses and result."""
    view = attempt_summary(row, status)
    view["assessment_kind"] = published.assessment.kind
    view["items"] = learner_items(published.assessment, Order.from_json(row.item_order))
    if row.responses is not None:
        view["responses"] = visible_responses(published.assessment, row.responses, owner=owner)
        view["result"] = result_view(published, row.responses, row.result)
    return view


def visible_responses(
    assessment: Assessment, responses: list[dict[str, Any]], *, owner: bool
) -> list[dict[str, Any]]:
    """Reflections stay with their author; reviewers see the text of rubric-scored items only."""
    if owner:
        return responses
    return [_for_staff(assessment, response) for response in responses]


def _for_staff(assessment: Assessment, response: dict[str, Any]) -> dict[str, Any]:
    item = assessment.item(response["item_id"])
    if isinstance(item, FreeTextItem) and not item.rubric_scored:
        return {
            "item_id": response["item_id"],
            "withheld": "a private reflection, visible to its author only",
        }
    return response


def submit_body(
    row: Any, published: PublishedVersion, status: str, fresh: Grade | None = None
) -> dict[str, Any]:
    """The answer to a submit (and to its replays): score, pass and per-item results."""
    result = result_view(published, row.responses, row.result, fresh)
    return {
        **attempt_summary(row, status),
        "items": result["items"],
        "competency_scores": result["competency_scores"],
        "recommended_modules": result["recommended_modules"],
    }


def started_body(row: Any, published: PublishedVersion) -> dict[str, Any]:
    """The answer to a start (and to its replays): the questions in this attempt's order."""
    return {
        "attempt_id": row.id,
        "assessment_id": row.assessment_id,
        "assessment_version": row.version,
        "attempt_no": row.attempt_no,
        "status": IN_PROGRESS,
        "started_at": iso(row.started_at),
        "expires_at": iso(row.expires_at),
        "needs_analysis_id": row.needs_analysis_id,
        "items": learner_items(published.assessment, Order.from_json(row.item_order)),
    }
