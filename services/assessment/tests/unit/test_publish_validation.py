"""Publish validation lists every problem at once, keyed by item id."""

from __future__ import annotations

from lms.assessment.domain.definition import parse_assessment
from lms.assessment.domain.validation import publish_problems


def definition(*items: dict, **overrides) -> dict:
    return {"slug": "s", "title": "t", "kind": "quiz", "pass_mark": 0.7, "items": list(items), **overrides}


def single(item_id: str, *correct: bool) -> dict:
    options = [{"id": f"o{n}", "text": "x", "correct": c} for n, c in enumerate(correct)]
    return {"id": item_id, "kind": "single_choice", "prompt": "?", "options": options}


def problems_of(data: dict) -> dict[str, list[str]]:
    return publish_problems(parse_assessment(data))


def test_a_valid_quiz_has_no_problems():
    tf = {"id": "q2", "kind": "true_false", "prompt": "?", "correct": True}
    assert problems_of(definition(single("q1", True, False), tf)) == {}


def test_every_problem_is_listed_by_item_id():
    found = problems_of(
        definition(
            single("q1", False, False),
            single("q2", True, True),
            {"id": "q3", "kind": "multiple_choice", "prompt": "?", "options": [{"id": "a", "text": "x"}]},
            {"id": "q4", "kind": "true_false", "prompt": "?"},
            {"id": "q5", "kind": "likert", "prompt": "?", "scale": 11},
            {"id": "q6", "kind": "free_text", "prompt": "?", "graded": True},
            {"id": "q7", "kind": "scenario", "prompt": "?", "start": "s9", "steps": []},
        )
    )
    assert set(found) == {"q1", "q2", "q3", "q4", "q5", "q6", "q7"}
    assert "exactly one correct option (has 0)" in found["q1"][0]
    assert "exactly one correct option (has 2)" in found["q2"][0]
    assert any("at least one correct option" in p for p in found["q3"])
    assert any("at least two options" in p for p in found["q3"])
    assert found["q4"] == ["a true_false item needs `correct: true` or `correct: false`"]
    assert found["q5"] == ["a likert item needs a competency", "a likert item needs a scale from 2 to 10"]
    assert found["q6"] == ["a graded free_text item needs a rubric (criteria with points)"]
    assert any("start step 's9'" in p for p in found["q7"])


def test_duplicate_item_ids_are_a_problem():
    assert (
        "used by 2 items"
        in problems_of(definition(single("q1", True, False), single("q1", True, False)))["q1"][0]
    )


def test_an_empty_assessment_and_a_bad_pass_mark_are_problems_of_the_assessment():
    found = problems_of(definition(pass_mark=1.5))
    assert set(found) == {"items", "pass_mark"}


def test_a_diagnostic_needs_competencies():
    found = problems_of(definition(single("q1", True, False), kind="diagnostic"))
    assert found == {"items": ["a diagnostic needs items with a competency"]}


def test_an_ungraded_reflection_and_a_likert_with_competency_are_valid():
    found = problems_of(
        definition(
            {"id": "r1", "kind": "free_text", "prompt": "What did you notice?", "graded": False},
            {"id": "l1", "kind": "likert", "prompt": "I can...", "scale": 5, "competency": "listening"},
        )
    )
    assert found == {}
