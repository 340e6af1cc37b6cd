"""Survey scoring: per measures tag, reverse-scored likert, option values; free text never counts."""

from __future__ import annotations

import pytest

from lms.assessment.domain.model import Assessment, ChoiceItem, ChoiceOption, FreeTextItem, LikertItem
from lms.assessment.domain.responses import Answer
from lms.assessment.domain.survey import is_measures_tag, response_scores, survey_item_problems

SURVEY = Assessment(
    "needs",
    "Needs check",
    "survey",
    0,
    (
        LikertItem("l1", "?", 5, measures="system:policy"),
        LikertItem("l2", "?", 5, measures="system:policy", reverse=True),
        LikertItem("l3", "?", 3, measures="competency:asking-about-impact"),
        ChoiceItem(
            "c1",
            "single_choice",
            "?",
            (ChoiceOption("a", "x", value=0.2), ChoiceOption("b", "y", value=0.9)),
            measures="wellbeing:difficult-contacts",
        ),
        FreeTextItem("t1", "?"),
    ),
)


def scores(**given) -> dict[str, float]:
    answers = {item_id: Answer(item_id, fields) for item_id, fields in given.items()}
    return response_scores(SURVEY, answers)


def test_each_tag_is_the_mean_of_its_answered_items_with_reverse_items_turned_round():
    found = scores(
        l1={"value": 5}, l2={"value": 2}, l3={"value": 2}, c1={"option_ids": ["b"]}, t1={"text": "x"}
    )
    assert found == {
        "competency:asking-about-impact": 0.5,
        "system:policy": 0.875,  # 1.0 and 1 - 0.25
        "wellbeing:difficult-contacts": 0.9,
    }


def test_unanswered_items_and_free_text_leave_their_tags_out():
    assert scores(l2={"value": 5}, t1={"text": "a lot to say"}) == {"system:policy": 0.0}


@pytest.mark.parametrize(
    ("tag", "known"),
    [
        ("system:metrics", True),
        ("wellbeing:emotional-load", True),
        ("competency:asking-about-impact", True),
        ("system:morale", False),
        ("asking-about-impact", False),
        ("competency:", False),
        (None, False),
    ],
)
def test_measures_tags_are_a_competency_or_a_known_cause(tag, known):
    assert is_measures_tag(tag) is known


def test_a_graded_reflection_has_no_place_in_a_survey():
    assert survey_item_problems(FreeTextItem("t", "?", graded=True)) == [
        "free text in a survey is never graded"
    ]
