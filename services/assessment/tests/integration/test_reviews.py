"""Rubric-scored reflections: awaiting review, scored by hr or admin, then graded and announced once."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration
GRADED = "lms.assessment.attempt.graded.v1"
RUBRIC_ITEM = {
    "id": "q9",
    "kind": "free_text",
    "prompt": "Write what you would say to the furious customer.",
    "graded": True,
    "competency": "de-escalation",
    "rubric": [
        {"id": "r1", "text": "Names what the outage cost them", "points": 2},
        {"id": "r2", "text": "Offers a concrete next step", "points": 1},
    ],
}
PRIVATE = {"id": "q11", "kind": "free_text", "prompt": "How did this make you feel?", "graded": False}


@pytest.fixture
def submitted(api, users, definition, publish, responses):
    """An attempt whose rubric reflection awaits review, and its texts."""
    body = definition()
    body["items"][8] = RUBRIC_ITEM
    body["items"].append(PRIVATE)
    aid = publish(body)
    attempt_id = api.post(f"/assessments/{aid}/attempts", users["ann"]).get_json()["attempt_id"]
    texts = {
        "q9": "Three days without work is a real loss; the engineer comes at 9.",
        "q11": "Tired and tense.",
    }
    answers = [r for r in responses if r["item_id"] != "q9"] + [
        {"item_id": k, "text": v} for k, v in texts.items()
    ]
    graded = api.post(f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": answers})
    return attempt_id, texts, graded


def test_a_rubric_reflection_leaves_the_attempt_awaiting_review_without_an_event(submitted, events):
    _, _, graded = submitted
    body = graded.get_json()
    assert (body["status"], body["percent"], body["passed"], body["max_score"]) == (
        "awaiting_review",
        None,
        None,
        15,
    )
    assert events(GRADED) == 0


def test_a_review_grades_the_attempt_and_emits_one_event(api, users, submitted, events):
    attempt_id, _, _ = submitted
    reviewed = api.post(
        f"/attempts/{attempt_id}/reviews",
        users["hr"],
        json={"item_id": "q9", "score": 3, "comment": "Clear."},
    )
    assert reviewed.status_code == 201, reviewed.get_json()
    body = reviewed.get_json()
    assert (body["status"], body["score"], body["percent"], body["passed"]) == ("graded", 12, 0.8, True)
    assert events(GRADED) == 1
    again = api.post(f"/attempts/{attempt_id}/reviews", users["admin"], json={"item_id": "q9", "score": 1})
    assert again.status_code == 409
    assert events(GRADED) == 1
    mine = api.get(f"/attempts/{attempt_id}", users["ann"]).get_json()
    q9 = next(i for i in mine["result"]["items"] if i["item_id"] == "q9")
    assert (q9["score"], q9["review_comment"]) == (3, "Clear.")


def test_a_reviewer_sees_the_rubric_reflection_but_never_the_private_one(api, users, submitted):
    attempt_id, texts, _ = submitted
    seen = api.get(f"/attempts/{attempt_id}", users["hr"]).get_data(as_text=True)
    assert texts["q9"] in seen
    assert texts["q11"] not in seen
    reviewed = api.post(f"/attempts/{attempt_id}/reviews", users["admin"], json={"item_id": "q9", "score": 2})
    assert texts["q11"] not in reviewed.get_data(as_text=True)
    own = api.get(f"/attempts/{attempt_id}", users["ann"]).get_data(as_text=True)
    assert texts["q9"] in own
    assert texts["q11"] in own


def test_only_hr_and_admins_review_with_a_score_within_the_rubric(api, users, submitted):
    attempt_id, _, _ = submitted
    assert (
        api.post(
            f"/attempts/{attempt_id}/reviews", users["ann"], json={"item_id": "q9", "score": 1}
        ).status_code
        == 403
    )
    assert (
        api.post(
            f"/attempts/{attempt_id}/reviews", users["hr"], json={"item_id": "q9", "score": 4}
        ).status_code
        == 422
    )
    assert (
        api.post(
            f"/attempts/{attempt_id}/reviews", users["hr"], json={"item_id": "q11", "score": 1}
        ).status_code
        == 422
    )
    assert (
        api.post(
            f"/attempts/{attempt_id}/reviews", users["hr"], json={"item_id": "q1", "score": 1}
        ).status_code
        == 422
    )


def test_attempts_awaiting_review_can_be_listed_by_hr(api, users, submitted):
    attempt_id, _, _ = submitted
    assessment_id = api.get(f"/attempts/{attempt_id}", users["hr"]).get_json()["assessment_id"]
    waiting = api.get(f"/assessments/{assessment_id}/attempts?status=awaiting_review", users["hr"]).get_json()
    assert [a["attempt_id"] for a in waiting] == [attempt_id]
