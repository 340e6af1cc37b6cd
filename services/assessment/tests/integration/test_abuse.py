"""Requests an attacker would send: refused fast with problem+json, and nothing changes."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select, update

from lms.assessment.db import assessment_versions, assessments
from lms.assessment.domain.model import MAX_STEPS

pytestmark = pytest.mark.integration
GRADED = "lms.assessment.attempt.graded.v1"
PROBLEM = "application/problem+json"


def start(api, users, aid: str) -> str:
    return api.post(f"/assessments/{aid}/attempts", users["ann"]).get_json()["attempt_id"]


def timed(call):
    began = time.process_time()
    reply = call()
    return reply, time.process_time() - began


def assert_still_open(api, users, attempt_id: str, events) -> None:
    attempt = api.get(f"/attempts/{attempt_id}", users["ann"]).get_json()
    assert (attempt["status"], attempt.get("responses")) == ("in_progress", None)
    assert events(GRADED) == 0


@pytest.mark.parametrize(
    ("item_id", "flood", "problem"),
    [
        ("q5", [f"x{n}" for n in range(40_000)], "at most 4 option ids: the item has 4 options (got 40000)"),
        ("q5", ["a"] * 40_000, "at most 4 option ids: the item has 4 options (got 40000)"),
        ("q8", ["o1"] * 40_000, "a path takes at most 2 choices, one per step (got 40000)"),
    ],
    ids=["unknown-ids", "one-id-repeated", "scenario-path"],
)
def test_forty_thousand_option_ids_are_refused_at_once_and_grade_nothing(
    api, users, quiz, events, item_id, flood, problem
):
    attempt_id = start(api, users, quiz())
    body = {"responses": [{"item_id": item_id, "option_ids": flood}]}
    reply, cpu = timed(lambda: api.post(f"/attempts/{attempt_id}/submit", users["ann"], json=body))
    assert reply.status_code == 422
    assert reply.content_type == PROBLEM
    assert reply.get_json()["errors"] == {item_id: [problem]}
    assert cpu < 1.0, f"{cpu:.2f} s of CPU for one refused submit"
    assert_still_open(api, users, attempt_id, events)


def test_a_reflection_over_the_text_limit_is_refused(api, users, quiz, events):
    attempt_id = start(api, users, quiz())
    body = {"responses": [{"item_id": "q9", "text": "x" * 20_001}]}
    reply = api.post(f"/attempts/{attempt_id}/submit", users["ann"], json=body)
    assert reply.status_code == 422
    assert reply.get_json()["errors"] == {"q9": ["`text` is longer than 20000 characters"]}
    assert_still_open(api, users, attempt_id, events)


def test_a_scenario_walk_with_a_flood_of_choices_is_refused(api, users, quiz):
    attempt_id = start(api, users, quiz())
    body = {"item_id": "q8", "option_ids": ["o1"] * 40_000}
    reply = api.post(f"/attempts/{attempt_id}/steps", users["ann"], json=body)
    assert reply.status_code == 422
    assert reply.content_type == PROBLEM
    assert f"at most {MAX_STEPS} choices" in str(reply.get_json()["errors"])


def deep_scenario(steps: int) -> dict:
    return {
        "id": "deep",
        "kind": "scenario",
        "prompt": "A very long call",
        "competency": "de-escalation",
        "start": "s1",
        "steps": [
            {
                "id": f"s{n}",
                "text": "Customer: and another thing",
                "options": [{"id": "o1", "text": "go on", "score": 1, "feedback": "ok", "next": f"s{n + 1}"}],
            }
            for n in range(1, steps)
        ]
        + [
            {
                "id": f"s{steps}",
                "text": "bye",
                "options": [{"id": "o1", "text": "bye", "score": 1, "feedback": "ok"}],
            }
        ],
    }


def count(engine, query) -> int:
    with engine.connect() as conn:
        return conn.scalar(query)


def test_a_five_thousand_step_scenario_is_refused_naming_the_cap_and_not_stored(
    api, users, definition, engine
):
    body = definition(items=[deep_scenario(5000)])
    reply = api.post("/assessments", users["author"], json=body)
    assert reply.status_code == 422
    assert reply.content_type == PROBLEM
    assert f"At most {MAX_STEPS} steps." in str(reply.get_json()["errors"])
    assert count(engine, select(func.count()).where(assessments.c.slug == body["slug"])) == 0


def test_publishing_an_oversized_draft_stored_before_the_cap_is_a_422_not_a_500(
    api, users, definition, engine
):
    body = definition(items=[deep_scenario(3)])
    created = api.post("/assessments", users["author"], json=body).get_json()
    with engine.begin() as conn:  # a draft written before the cap existed
        conn.execute(
            update(assessments)
            .where(assessments.c.id == created["id"])
            .values(draft={**created, "items": [deep_scenario(5000)]})
        )
    reply = api.post(f"/assessments/{created['id']}/publish", users["author"])
    assert reply.status_code == 422
    assert reply.get_json()["errors"] == {
        "deep": [f"a scenario may have at most {MAX_STEPS} steps (this one has 5000)"]
    }
    versions = select(func.count()).where(assessment_versions.c.assessment_id == created["id"])
    assert count(engine, versions) == 0
