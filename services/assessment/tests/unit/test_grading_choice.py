"""Grading of single_choice, multiple_choice (partial credit) and true_false items."""

from __future__ import annotations

import pytest

from lms.assessment.domain.grading import grade_item
from lms.assessment.domain.model import ChoiceItem, ChoiceOption, TrueFalseItem
from lms.assessment.domain.responses import Answer


def choice(kind: str, correct: str, points: float = 1) -> ChoiceItem:
    options = tuple(ChoiceOption(oid, f"option {oid}", oid in correct, f"why {oid}") for oid in "abcde")
    return ChoiceItem("q1", kind, "Which?", options, points=points, competency="listening")


def picks(*option_ids: str) -> Answer:
    return Answer("q1", {"option_ids": list(option_ids)})


def test_single_choice_scores_its_points_when_right():
    result = grade_item(choice("single_choice", "b", points=3), picks("b"))
    assert (result.score, result.max_score, result.correct) == (3, 3, True)
    assert result.feedback == ("why b",)


def test_single_choice_scores_nothing_when_wrong_and_explains_the_pick():
    result = grade_item(choice("single_choice", "b"), picks("c"))
    assert (result.score, result.correct, result.feedback) == (0, False, ("why c",))


def test_unanswered_single_choice_scores_nothing():
    result = grade_item(choice("single_choice", "b"), None)
    assert (result.score, result.max_score, result.correct) == (0, 1, False)


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        (("a", "b", "c"), 2.0),  # every correct option
        (("a", "b"), 2 * 2 / 3),  # two of three right
        (("a",), 2 / 3),
        (("a", "b", "d"), 2 * (2 - 1) / 3),  # a wrong pick cancels a right one
        (("a", "d"), 0.0),
        (("a", "d", "e"), 0.0),  # never below zero
        (("a", "b", "c", "d", "e"), 2 * (3 - 2) / 3),
        ((), 0.0),
    ],
)
def test_multiple_choice_partial_credit_is_right_minus_wrong_over_correct_options(chosen, expected):
    result = grade_item(choice("multiple_choice", "abc", points=2), picks(*chosen))
    assert result.score == pytest.approx(expected, abs=1e-4)
    assert result.max_score == 2


def test_multiple_choice_is_correct_only_for_exactly_the_correct_set():
    item = choice("multiple_choice", "abc")
    assert grade_item(item, picks("c", "a", "b")).correct is True
    assert grade_item(item, picks("a", "b")).correct is False


def test_multiple_choice_feedback_covers_every_pick():
    result = grade_item(choice("multiple_choice", "ab"), picks("a", "e"))
    assert result.feedback == ("why a", "why e")


def tf(correct: bool) -> TrueFalseItem:
    return TrueFalseItem("q2", "Is it?", correct, {"true": "said true", "false": "said false"}, points=2)


def test_true_false_scores_points_when_the_value_matches():
    result = grade_item(tf(False), Answer("q2", {"value": False}))
    assert (result.score, result.correct, result.feedback) == (2, True, ("said false",))


def test_true_false_scores_nothing_when_the_value_is_wrong():
    result = grade_item(tf(False), Answer("q2", {"value": True}))
    assert (result.score, result.correct, result.feedback) == (0, False, ("said true",))


def test_unanswered_true_false_scores_nothing_and_gives_no_feedback():
    result = grade_item(tf(True), None)
    assert (result.score, result.correct, result.feedback) == (0, False, ())
