"""What learners see before submitting: no keys, scores or feedback; scenarios one step at a time."""

from __future__ import annotations

import random
from typing import Any

from lms.assessment.domain.definition import parse_assessment
from lms.assessment.domain.exposure import learner_items, next_step, shuffled_order

SECRETS = {"correct", "score", "feedback", "answer", "rubric", "next"}
DEFINITION = {
    "slug": "s",
    "title": "t",
    "kind": "quiz",
    "pass_mark": 0.5,
    "shuffle": True,
    "items": [
        {
            "id": "q1",
            "kind": "single_choice",
            "prompt": "?",
            "options": [{"id": o, "text": o, "correct": o == "a", "feedback": "f"} for o in "abcd"],
        },
        {
            "id": "q2",
            "kind": "true_false",
            "prompt": "?",
            "correct": True,
            "feedback": {"true": "y", "false": "n"},
        },
        {
            "id": "q3",
            "kind": "scenario",
            "prompt": "?",
            "start": "s1",
            "steps": [
                {
                    "id": "s1",
                    "text": "hi",
                    "options": [{"id": "o1", "text": "a", "score": 2, "feedback": "f", "next": "s2"}],
                },
                {
                    "id": "s2",
                    "text": "so",
                    "options": [{"id": "o1", "text": "b", "score": 1, "feedback": "f", "next": None}],
                },
            ],
        },
        {
            "id": "q4",
            "kind": "free_text",
            "prompt": "?",
            "graded": True,
            "rubric": [{"id": "r", "text": "t", "points": 2}],
        },
        {"id": "q5", "kind": "likert", "prompt": "?", "scale": 5, "competency": "c"},
    ],
}


def keys_in(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for value in node.values() for k in keys_in(value)}
    if isinstance(node, list):
        return {k for value in node for k in keys_in(value)}
    return set()


def test_learner_items_carry_no_answer_keys_scores_or_feedback():
    items = learner_items(parse_assessment(DEFINITION))
    assert [i["id"] for i in items] == ["q1", "q2", "q3", "q4", "q5"]
    assert not keys_in(items) & SECRETS


def test_a_scenario_shows_its_first_step_and_reveals_the_next_after_a_choice():
    assessment = parse_assessment(DEFINITION)
    scenario = learner_items(assessment)[2]
    assert scenario["first_step"]["id"] == "s1"
    item = assessment.item("q3")
    order = shuffled_order(assessment, random.Random(1))
    assert next_step(item, ["o1"], order)["id"] == "s2"
    assert next_step(item, ["o1", "o1"], order) is None


def test_a_shuffled_order_is_a_permutation_of_items_and_options():
    assessment = parse_assessment(DEFINITION)
    orders = [shuffled_order(assessment, random.Random(seed)) for seed in range(20)]
    assert all(sorted(o.items) == ["q1", "q2", "q3", "q4", "q5"] for o in orders)
    assert all(sorted(o.options["q1"]) == ["a", "b", "c", "d"] for o in orders)
    assert len({o.items for o in orders}) > 1
    shown = learner_items(assessment, orders[0])
    assert [i["id"] for i in shown] == list(orders[0].items)
    assert [o["id"] for o in next(i for i in shown if i["id"] == "q1")["options"]] == list(
        orders[0].options["q1"]
    )
