"""Responses that do not fit the items are refused, each problem under its item id."""

from __future__ import annotations

import pytest

from lms.assessment.domain.model import (
    Assessment,
    ChoiceItem,
    ChoiceOption,
    FreeTextItem,
    LikertItem,
    TrueFalseItem,
)
from lms.assessment.domain.responses import Answer, response_problems

QUIZ = Assessment(
    "s",
    "t",
    "quiz",
    0.5,
    (
        ChoiceItem("single", "single_choice", "?", (ChoiceOption("a", "x", True), ChoiceOption("b", "y"))),
        ChoiceItem("multi", "multiple_choice", "?", (ChoiceOption("a", "x", True), ChoiceOption("b", "y"))),
        TrueFalseItem("tf", "?", True),
        LikertItem("likert", "?", 5, "c"),
        FreeTextItem("text", "?"),
    ),
)


def problems(*responses: dict) -> dict[str, list[str]]:
    return response_problems(QUIZ, [Answer.from_mapping(r) for r in responses])


def test_fitting_responses_have_no_problems():
    assert (
        problems(
            {"item_id": "single", "option_ids": ["a"]},
            {"item_id": "multi", "option_ids": ["a", "b"]},
            {"item_id": "tf", "value": False},
            {"item_id": "likert", "value": 5},
            {"item_id": "text", "text": "my own words"},
        )
        == {}
    )


def test_leaving_items_out_is_allowed():
    assert problems({"item_id": "single"}) == {}
    assert problems() == {}


@pytest.mark.parametrize(
    ("response", "fragment"),
    [
        ({"item_id": "nope", "option_ids": ["a"]}, "no item with this id"),
        ({"item_id": "single", "option_ids": ["z"]}, "not an option of this item"),
        ({"item_id": "single", "option_ids": ["a", "b"]}, "takes one option"),
        ({"item_id": "multi", "option_ids": ["a", "a"]}, "chosen more than once"),
        ({"item_id": "multi", "option_ids": "a"}, "must be a list"),
        ({"item_id": "tf", "value": "true"}, "true or false"),
        ({"item_id": "tf", "value": 1}, "true or false"),
        ({"item_id": "likert", "value": 6}, "from 1 to 5"),
        ({"item_id": "likert", "value": 0}, "from 1 to 5"),
        ({"item_id": "likert", "value": True}, "from 1 to 5"),
        ({"item_id": "likert", "value": 2.5}, "from 1 to 5"),
        ({"item_id": "text", "text": 42}, "must be a string"),
        ({"item_id": "single", "value": True}, "takes `option_ids`"),
    ],
)
def test_a_response_that_does_not_fit_is_named_by_its_item(response, fragment):
    found = problems(response)
    assert list(found) == [response["item_id"]]
    assert fragment in " ".join(found[response["item_id"]])


def test_answering_an_item_twice_is_a_problem():
    found = problems({"item_id": "tf", "value": True}, {"item_id": "tf", "value": False})
    assert found == {"tf": ["answered 2 times"]}


def test_more_option_ids_than_options_are_refused_before_any_other_check():
    flood = [f"x{n}" for n in range(40_000)]
    found = problems({"item_id": "multi", "option_ids": flood})
    assert found == {"multi": ["at most 2 option ids: the item has 2 options (got 40000)"]}


def test_a_repeated_option_is_named_once():
    assert problems({"item_id": "multi", "option_ids": ["a", "a"]}) == {
        "multi": ["option 'a' is chosen more than once"]
    }
