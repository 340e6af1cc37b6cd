"""Diagnostics: mean normalised value per competency, and modules for the weak competencies."""

from __future__ import annotations

import pytest

from lms.assessment.domain.diagnostics import CourseModule, competency_scores, recommend
from lms.assessment.domain.grading import ItemResult


def result(competency: str, normalised: float | None, pending: bool = False) -> ItemResult:
    return ItemResult("i", "likert", competency, 0, 0, None, normalised=normalised, pending_review=pending)


def test_a_competency_score_is_the_mean_of_its_items_normalised_values():
    scores = competency_scores(
        [result("listening", 0.25), result("listening", 0.75), result("boundaries", 1.0)]
    )
    assert scores["listening"].percent == 0.5
    assert (scores["listening"].score, scores["listening"].max_score) == (1.0, 2.0)
    assert scores["boundaries"].percent == 1.0


def test_unanswered_and_pending_items_do_not_count():
    scores = competency_scores(
        [result("listening", None), result("listening", 0.5), result("listening", 0, True)]
    )
    assert scores["listening"].percent == 0.5


MODULES = [
    CourseModule("c2", 3, "m21", "Questions that reach the person", 0, ("listening",)),
    CourseModule("c1", 1, "m12", "Warm boundaries", 1, ("boundaries", "listening")),
    CourseModule("c1", 1, "m11", "Hearing impact", 0, ("listening",)),
    CourseModule("c1", 1, "m13", "Recovering", 2, ("recovery",)),
]


def test_modules_are_recommended_for_competencies_below_the_threshold_weakest_first():
    scores = competency_scores([result("listening", 0.5), result("boundaries", 0.2), result("recovery", 0.9)])
    found = recommend(scores, 0.7, MODULES)
    assert [(r.competency, r.course_id, r.module_id) for r in found] == [
        ("boundaries", "c1", "m12"),
        ("listening", "c1", "m11"),
        ("listening", "c1", "m12"),
        ("listening", "c2", "m21"),
    ]
    assert found[0].title == "Warm boundaries"
    assert found[0].course_version == 1


@pytest.mark.parametrize(
    ("below", "expected"), [(0.5, set()), (0.51, {"listening"}), (1.0, {"listening", "recovery"})]
)
def test_the_threshold_is_configurable(below, expected):
    scores = competency_scores([result("listening", 0.5), result("recovery", 0.9)])
    assert {r.competency for r in recommend(scores, below, MODULES)} == expected
