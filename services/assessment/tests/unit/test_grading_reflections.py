"""Reflections, likert self-checks and the attempt's percent and pass."""

from __future__ import annotations

import pytest

from lms.assessment.domain.grading import grade_attempt, grade_item
from lms.assessment.domain.model import (
    Assessment,
    ChoiceItem,
    ChoiceOption,
    FreeTextItem,
    LikertItem,
    RubricCriterion,
)
from lms.assessment.domain.responses import Answer

RUBRIC = (RubricCriterion("r1", "names the impact", 2), RubricCriterion("r2", "offers a next step", 1))


def question(item_id: str = "q1", points: float = 1) -> ChoiceItem:
    options = (ChoiceOption("a", "yes", True), ChoiceOption("b", "no", False))
    return ChoiceItem(item_id, "single_choice", "?", options, points=points, competency="c")


def test_an_ungraded_reflection_scores_nothing_of_nothing():
    result = grade_item(FreeTextItem("r", "Reflect"), Answer("r", {"text": "I felt rushed"}))
    assert (result.score, result.max_score, result.correct, result.pending_review) == (0, 0, None, False)


def test_a_rubric_scored_reflection_waits_for_review():
    result = grade_item(
        FreeTextItem("r", "Reflect", graded=True, rubric=RUBRIC), Answer("r", {"text": "..."})
    )
    assert (result.score, result.max_score, result.pending_review) == (0, 3, True)


def test_a_reviewed_reflection_scores_the_reviewers_points():
    item = FreeTextItem("r", "Reflect", graded=True, rubric=RUBRIC)
    result = grade_item(item, Answer("r", {"text": "..."}), review=2)
    assert (result.score, result.max_score, result.pending_review, result.correct) == (2, 3, False, False)


def test_an_unanswered_rubric_reflection_has_nothing_to_review():
    result = grade_item(FreeTextItem("r", "Reflect", graded=True, rubric=RUBRIC), None)
    assert (result.score, result.max_score, result.pending_review) == (0, 3, False)


def test_likert_is_ungraded_but_normalised_for_diagnostics():
    result = grade_item(LikertItem("l", "I can...", 5, "listening"), Answer("l", {"value": 4}))
    assert (result.score, result.max_score, result.correct) == (0, 0, None)
    assert result.normalised == pytest.approx(0.75)


def quiz(*items, kind: str = "quiz", pass_mark: float = 0.7) -> Assessment:
    return Assessment("s", "t", kind, pass_mark, tuple(items))


def test_percent_is_score_over_max_and_passed_compares_it_to_the_pass_mark():
    grade = grade_attempt(
        quiz(question("q1", 3), question("q2", 1)), {"q1": Answer("q1", {"option_ids": ["a"]})}, {}
    )
    assert (grade.score, grade.max_score, grade.percent, grade.passed) == (3, 4, 0.75, True)


def test_percent_exactly_at_the_pass_mark_passes():
    grade = grade_attempt(
        quiz(question("q1", 7), question("q2", 3)), {"q1": Answer("q1", {"option_ids": ["a"]})}
    )
    assert (grade.percent, grade.passed) == (0.7, True)


def test_an_assessment_with_nothing_to_score_is_complete():
    grade = grade_attempt(quiz(FreeTextItem("r", "Reflect")), {"r": Answer("r", {"text": "private"})})
    assert (grade.score, grade.max_score, grade.percent, grade.passed) == (0, 0, 1.0, True)


def test_a_pending_review_leaves_percent_and_passed_open_until_reviewed():
    item = FreeTextItem("r", "Reflect", graded=True, rubric=RUBRIC)
    answers = {"r": Answer("r", {"text": "..."}), "q1": Answer("q1", {"option_ids": ["a"]})}
    pending = grade_attempt(quiz(question(), item), answers)
    assert (pending.percent, pending.passed, pending.pending_review) == (None, None, True)
    reviewed = grade_attempt(quiz(question(), item), answers, {"r": 3})
    assert (reviewed.score, reviewed.max_score, reviewed.percent, reviewed.passed) == (4, 4, 1.0, True)


def test_a_diagnostic_always_passes():
    grade = grade_attempt(quiz(question(), kind="diagnostic"), {})
    assert (grade.percent, grade.passed) == (0.0, True)
