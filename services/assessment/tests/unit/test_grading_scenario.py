"""Grading of branching scenarios: the path's option scores add up; the maximum is the best path."""

from __future__ import annotations

import pytest

from lms.assessment.domain.grading import grade_item, item_max
from lms.assessment.domain.model import Assessment, ScenarioItem, ScenarioOption, Step
from lms.assessment.domain.responses import Answer, response_problems
from lms.assessment.domain.scenario import PathInvalid, best_score, walk


def opt(oid: str, score: float, nxt: str | None) -> ScenarioOption:
    return ScenarioOption(oid, f"you say {oid}", score, f"feedback {oid}", nxt)


def angry_customer() -> ScenarioItem:
    """s1 -> (o1: 2, s2) | (o2: 0, end) | (o3: 1, s2); s2 -> (o1: 2, s3) | (o2: 0, end); s3 -> ends."""
    return ScenarioItem(
        "q8",
        "Offline for three days and furious.",
        "s1",
        (
            Step("s1", "Customer: three days!", (opt("o1", 2, "s2"), opt("o2", 0, None), opt("o3", 1, "s2"))),
            Step("s2", "Customer: so?", (opt("o1", 2, "s3"), opt("o2", 0, None))),
            Step("s3", "Customer: fine.", (opt("o1", 2, None), opt("o2", 1, None))),
        ),
        competency="de-escalation",
    )


def path(*option_ids: str) -> Answer:
    return Answer("q8", {"option_ids": list(option_ids)})


def test_the_maximum_is_the_best_path():
    assert best_score(angry_customer()) == 6
    assert item_max(angry_customer()) == 6


def test_the_best_path_scores_the_maximum_and_is_correct():
    result = grade_item(angry_customer(), path("o1", "o1", "o1"))
    assert (result.score, result.max_score, result.correct) == (6, 6, True)


def test_a_path_scores_the_sum_of_its_options_with_feedback_in_order():
    result = grade_item(angry_customer(), path("o3", "o1", "o2"))
    assert result.score == 4
    assert result.correct is False
    assert result.feedback == ("feedback o3", "feedback o1", "feedback o2")
    assert [(s.step_id, s.option_id, s.score) for s in result.path] == [
        ("s1", "o3", 1),
        ("s2", "o1", 2),
        ("s3", "o2", 1),
    ]


def test_a_path_that_ends_early_scores_what_it_chose():
    result = grade_item(angry_customer(), path("o1", "o2"))
    assert (result.score, result.correct) == (2, False)


def test_an_unanswered_scenario_scores_nothing_out_of_its_best_path():
    result = grade_item(angry_customer(), None)
    assert (result.score, result.max_score) == (0, 6)


def test_walk_reports_where_an_unfinished_path_stands():
    walked = walk(angry_customer(), ["o1"])
    assert walked.current is not None
    assert walked.current.id == "s2"
    assert not walked.ended


@pytest.mark.parametrize(
    "option_ids",
    [
        ["o9"],  # not offered at s1
        ["o2", "o1"],  # o2 ended the conversation
        ["o1", "o3"],  # s2 has no o3
    ],
)
def test_a_path_that_leaves_the_conversation_is_refused(option_ids):
    with pytest.raises(PathInvalid):
        walk(angry_customer(), option_ids)
    quiz = Assessment("s", "t", "quiz", 0.5, (angry_customer(),))
    assert "q8" in response_problems(quiz, [path(*option_ids)])
