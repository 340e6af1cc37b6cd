"""Grading by item id: one result per item, then the attempt's score, percent and pass."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from lms.assessment.domain.model import (
    Assessment,
    ChoiceItem,
    FreeTextItem,
    Item,
    LikertItem,
    ScenarioItem,
    TrueFalseItem,
)
from lms.assessment.domain.responses import Answer
from lms.assessment.domain.scenario import best_score, walk


@dataclass(frozen=True)
class PathStep:
    step_id: str
    option_id: str
    score: float
    feedback: str | None


@dataclass(frozen=True)
class ItemResult:
    """How one item went; `normalised` (0..1) feeds competency scores, None when it cannot."""

    item_id: str
    kind: str
    competency: str | None
    score: float
    max_score: float
    correct: bool | None
    feedback: tuple[str, ...] = ()
    normalised: float | None = None
    pending_review: bool = False
    path: tuple[PathStep, ...] = ()


def item_max(item: Item) -> float:
    """The most `item` can score: points, the best scenario path, or the rubric's total."""
    if isinstance(item, ChoiceItem | TrueFalseItem):
        return item.points
    if isinstance(item, ScenarioItem):
        return best_score(item)
    if isinstance(item, FreeTextItem) and item.graded:
        return sum(criterion.points for criterion in item.rubric)
    return 0.0


def max_score(assessment: Assessment) -> float:
    """The attempt's maximum; a survey scores nothing."""
    if assessment.kind == "survey":
        return 0.0
    return sum(item_max(item) for item in assessment.items)


def grade_item(item: Item, answer: Answer | None, review: float | None = None) -> ItemResult:
    """Grade one item; `answer` is None when it was left unanswered, `review` a reviewer's score."""
    return _GRADERS[type(item)](item, answer, review)


def _single(item: ChoiceItem, answer: Answer | None) -> ItemResult:
    chosen = [item.option(oid) for oid in (answer.option_ids if answer else [])]
    right = bool(chosen) and chosen[0] is not None and chosen[0].correct
    score = item.points if right else 0.0
    feedback = tuple(o.feedback for o in chosen if o is not None and o.feedback)
    return _scored(item, score, item.points, right, feedback)


def _multiple(item: ChoiceItem, answer: Answer | None) -> ItemResult:
    """points * max(0, (right picks - wrong picks) / correct options)."""
    chosen = [o for o in (item.option(oid) for oid in (answer.option_ids if answer else [])) if o is not None]
    right = sum(o.correct for o in chosen)
    correct_options = sum(o.correct for o in item.options) or 1
    score = item.points * max(0.0, (right - (len(chosen) - right)) / correct_options)
    exact = {o.id for o in chosen} == {o.id for o in item.options if o.correct}
    return _scored(item, score, item.points, exact, tuple(o.feedback for o in chosen if o.feedback))


def _choice(item: ChoiceItem, answer: Answer | None, _review: float | None) -> ItemResult:
    return _single(item, answer) if item.kind == "single_choice" else _multiple(item, answer)


def _true_false(item: TrueFalseItem, answer: Answer | None, _review: float | None) -> ItemResult:
    value = answer.value if answer and "value" in answer.given else None
    right = value is not None and value == item.correct
    feedback = item.feedback.get("true" if value else "false") if value is not None else None
    return _scored(item, item.points if right else 0.0, item.points, right, (feedback,) if feedback else ())


def _scenario(item: ScenarioItem, answer: Answer | None, _review: float | None) -> ItemResult:
    path = walk(item, answer.option_ids if answer else [])
    best = best_score(item)
    steps = tuple(PathStep(step.id, o.id, o.score, o.feedback) for step, o in path.chosen)
    feedback = tuple(s.feedback for s in steps if s.feedback)
    right = path.ended and bool(path.chosen) and path.score >= best
    result = _scored(item, path.score, best, right, feedback)
    return replace(result, path=steps)


def _free_text(item: FreeTextItem, answer: Answer | None, review: float | None) -> ItemResult:
    if not item.graded:
        return ItemResult(item.id, item.kind, item.competency, 0.0, 0.0, None)
    top = item_max(item)
    if answer is None or not answer.text.strip():
        return _scored(item, 0.0, top, False, ())
    if review is None:
        return ItemResult(item.id, item.kind, item.competency, 0.0, top, None, pending_review=True)
    return _scored(item, review, top, review >= top, ())


def _likert(item: LikertItem, answer: Answer | None, _review: float | None) -> ItemResult:
    value = answer.value if answer else None
    scale = item.scale or 2
    normalised = (value - 1) / (scale - 1) if isinstance(value, int) else None
    return ItemResult(item.id, item.kind, item.competency, 0.0, 0.0, None, normalised=normalised)


def _scored(item: Item, score: float, top: float, right: bool, feedback: tuple[str, ...]) -> ItemResult:
    normalised = score / top if top > 0 else None
    return ItemResult(item.id, item.kind, item.competency, round(score, 4), top, right, feedback, normalised)


_GRADERS: dict[type, Callable[[Any, Answer | None, float | None], ItemResult]] = {
    ChoiceItem: _choice,
    TrueFalseItem: _true_false,
    ScenarioItem: _scenario,
    FreeTextItem: _free_text,
    LikertItem: _likert,
}


@dataclass(frozen=True)
class Grade:
    """An attempt's outcome; `percent` and `passed` are None while a review is pending."""

    items: tuple[ItemResult, ...]
    score: float
    max_score: float
    percent: float | None
    passed: bool | None

    @property
    def pending_review(self) -> bool:
        return any(result.pending_review for result in self.items)


def grade_attempt(
    assessment: Assessment, answers: Mapping[str, Answer], reviews: Mapping[str, float] | None = None
) -> Grade:
    """Grade every item of `assessment` (answers by item id; reviews: item id -> reviewer's score)."""
    results = tuple(grade_item(i, answers.get(i.id), (reviews or {}).get(i.id)) for i in assessment.items)
    score = round(sum(r.score for r in results), 4)
    top = round(sum(r.max_score for r in results), 4)
    if any(r.pending_review for r in results):
        return Grade(results, score, top, None, None)
    percent = score / top if top > 0 else 1.0
    passed = assessment.kind == "diagnostic" or percent >= assessment.pass_mark - 1e-9
    return Grade(results, score, top, round(percent, 4), passed)
