"""Submitting: graded at once and exactly once, idempotent, and refusing what does not fit."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from lms.kit.kafka_admin import TopicSpec, ensure_topics
from lms.kit.relay import OutboxRelay
from lms.testing.events import read_events

pytestmark = pytest.mark.integration
GRADED = "lms.assessment.attempt.graded.v1"


def start(api, users, aid: str, who: str = "ann") -> str:
    return api.post(f"/assessments/{aid}/attempts", users[who]).get_json()["attempt_id"]


def graded_events_on_topic(settings, kafka) -> list[dict]:
    return [event.data for event in read_events(kafka.bootstrap, settings.topic) if event.type == GRADED]


def test_submit_grades_at_once_with_feedback_per_item(api, users, quiz, responses):
    attempt_id = start(api, users, quiz())
    graded = api.post(f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": responses})
    assert graded.status_code == 200
    body = graded.get_json()
    assert (body["score"], body["max_score"], body["percent"], body["passed"]) == (9, 12, 0.75, True)
    by_item = {i["item_id"]: i for i in body["items"]}
    assert (by_item["q3"]["correct"], by_item["q3"]["feedback"]) == (False, ["about b"])
    assert (by_item["q5"]["score"], by_item["q5"]["max_score"]) == (0, 2)  # one right, one wrong pick
    assert [s["option_id"] for s in by_item["q8"]["path"]] == ["o1", "o1"]
    assert by_item["q9"]["status"] == "ungraded"
    assert body["competency_scores"]["de-escalation"] == {"score": 1.0, "max_score": 1.0, "percent": 1.0}


def test_double_submit_with_one_key_is_graded_once_and_emits_one_event(
    api, users, quiz, responses, settings, kafka, engine, events
):
    ensure_topics(kafka.bootstrap, [TopicSpec(settings.topic, 3)])
    attempt_id = start(api, users, quiz())
    key = {"Idempotency-Key": "submit-once"}
    first = api.post(
        f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": responses}, headers=key
    )
    second = api.post(
        f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": responses}, headers=key
    )
    assert (first.status_code, second.status_code) == (200, 200)
    assert second.get_json() == first.get_json()
    assert second.headers["Idempotent-Replayed"] == "true"
    assert events(GRADED) == 1

    assert OutboxRelay(engine, kafka.bootstrap).publish_batch() >= 1
    published = graded_events_on_topic(settings, kafka)
    assert [(e["attempt_id"], e["score"], e["passed"]) for e in published] == [(attempt_id, 9, True)]
    reflection = next(r["text"] for r in responses if "text" in r)
    assert reflection not in json.dumps(published)  # events never carry free text


def test_the_same_key_with_another_body_is_409(api, users, quiz, responses):
    attempt_id = start(api, users, quiz())
    key = {"Idempotency-Key": "k-1"}
    assert (
        api.post(
            f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": responses}, headers=key
        ).status_code
        == 200
    )
    other = api.post(
        f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": responses[:3]}, headers=key
    )
    assert other.status_code == 409
    assert other.mimetype == "application/problem+json"


def test_resubmitting_other_responses_without_a_key_is_409(api, users, quiz, responses):
    attempt_id = start(api, users, quiz())
    assert (
        api.post(f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": responses}).status_code
        == 200
    )
    assert (
        api.post(f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": responses}).status_code
        == 200
    )
    assert api.post(f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": []}).status_code == 409


def test_concurrent_submits_of_one_attempt_grade_once(api, users, quiz, responses, events):
    attempt_id = start(api, users, quiz())

    def submit(_: int):
        return api.post(f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": responses})

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(submit, range(8)))
    assert {a.status_code for a in answers} == {200}
    assert len({a.get_json()["graded_at"] for a in answers}) == 1
    assert events(GRADED) == 1


def test_concurrent_submits_with_different_responses_let_one_win(api, users, quiz, responses, events):
    attempt_id = start(api, users, quiz())
    bodies = [{"responses": responses[:n]} for n in range(1, 9)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(
            pool.map(
                lambda b: api.post(f"/attempts/{attempt_id}/submit", users["ann"], json=b).status_code, bodies
            )
        )
    assert sorted(codes) == [200] + [409] * 7
    assert events(GRADED) == 1


@pytest.mark.parametrize(
    ("bad", "item_id"),
    [
        ({"item_id": "nope", "option_ids": ["a"]}, "nope"),
        ({"item_id": "q1", "option_ids": ["z"]}, "q1"),
        ({"item_id": "q8", "option_ids": ["o2", "o1"]}, "q8"),  # o2 ends the conversation
        ({"item_id": "q8", "option_ids": ["o1", "o3"]}, "q8"),  # s2 offers no o3
        ({"item_id": "q10", "value": 6}, "q10"),
        ({"item_id": "q6", "value": "false"}, "q6"),
        ({"item_id": "q1", "option_ids": ["a"]}, "q1"),  # q1 twice
    ],
)
def test_malformed_responses_get_422_by_item_and_change_nothing(
    api, users, quiz, responses, events, bad, item_id
):
    attempt_id = start(api, users, quiz())
    refused = api.post(f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": [*responses, bad]})
    assert refused.status_code == 422
    assert list(refused.get_json()["errors"]) == [item_id]
    assert api.get(f"/attempts/{attempt_id}", users["ann"]).get_json()["status"] == "in_progress"
    assert events(GRADED) == 0
    assert (
        api.post(f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": responses}).status_code
        == 200
    )


def test_a_body_without_responses_is_422(api, users, quiz):
    attempt_id = start(api, users, quiz())
    refused = api.post(f"/attempts/{attempt_id}/submit", users["ann"], json={"answers": []})
    assert refused.status_code == 422
    assert "responses" in refused.get_json()["errors"]
