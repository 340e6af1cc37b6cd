"""An attempt's result: compact per-item scores are stored; texts are looked up in the frozen version.

Stored per item: status, correct, score, max_score (and a reviewer's comment). Feedback and a
scenario's path come from the version and the stored responses when the result is shown, so
no answer text is copied into every attempt.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lms.assessment.domain.grading import Grade, ItemResult, grade_item
from lms.assessment.domain.responses import Answer, answers_by_item
from lms.assessment.service.context import PublishedVersion

AWAITING_REVIEW, GRADED, UNGRADED = "awaiting_review", "graded", "ungraded"


def stored_result(
    grade: Grade,
    competencies: Mapping[str, Any],
    recommended: list[dict[str, Any]],
    comments: Mapping[str, str],
) -> dict[str, Any]:
    return {
        "items": [_compact(r, comments.get(r.item_id)) for r in grade.items],
        "competency_scores": dict(competencies),
        "recommended_modules": recommended,
    }


def _compact(result: ItemResult, comment: str | None) -> dict[str, Any]:
    found = {
        "item_id": result.item_id,
        "status": _status(result),
        "correct": result.correct,
        "score": result.score,
        "max_score": result.max_score,
    }
    if comment:
        found["review_comment"] = comment
    return found


def _status(result: ItemResult) -> str:
    if result.pending_review:
        return AWAITING_REVIEW
    return UNGRADED if result.kind in ("likert", "free_text") and result.max_score == 0 else GRADED


def result_view(
    published: PublishedVersion,
    responses: list[dict[str, Any]] | None,
    stored: dict[str, Any],
    fresh: Grade | None = None,
) -> dict[str, Any]:
    """The stored result with each item's kind, competency, feedback and scenario path.

    Texts come from `fresh` (the grade just computed) or from grading the stored responses
    again; the scores shown are always the stored ones."""
    if fresh is None:
        answers = answers_by_item([Answer.from_mapping(r) for r in responses or []])
        shown = {i.id: grade_item(i, answers.get(i.id)) for i in published.assessment.items}
    else:
        shown = {result.item_id: result for result in fresh.items}
    items = [
        _item_view(compact, shown[compact["item_id"]])
        for compact in stored["items"]
        if compact["item_id"] in shown
    ]
    return {**stored, "items": items}


def _item_view(compact: dict[str, Any], shown: ItemResult) -> dict[str, Any]:
    view = {"item_id": shown.item_id, "kind": shown.kind, "competency": shown.competency, **compact}
    view["feedback"] = list(shown.feedback)
    if shown.path:
        view["path"] = [
            {"step_id": s.step_id, "option_id": s.option_id, "score": s.score, "feedback": s.feedback}
            for s in shown.path
        ]
    return view
