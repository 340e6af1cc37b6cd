"""Starting attempts: no keys before submitting, per-attempt order, limits, time limits, privacy."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from lms.assessment.db import attempts

pytestmark = pytest.mark.integration
GRADED = "lms.assessment.attempt.graded.v1"


def test_learner_views_contain_no_answer_keys(api, users, quiz, secret_keys):
    aid = quiz(time_limit_s=None)
    overview = api.get(f"/assessments/{aid}", users["ann"]).get_json()
    assert len(overview["items"]) == 10
    started = api.post(f"/assessments/{aid}/attempts", users["ann"]).get_json()
    attempt = api.get(f"/attempts/{started['attempt_id']}", users["ann"]).get_json()
    step = api.post(
        f"/attempts/{started['attempt_id']}/steps", users["ann"], json={"item_id": "q8", "option_ids": ["o1"]}
    )
    assert step.get_json()["step"]["id"] == "s2"
    for document in (overview, started, attempt, step.get_json()):
        assert secret_keys(document) == set()
    assert "next" not in str(started["items"])


def test_a_timed_assessment_shows_its_items_only_in_an_attempt(api, users, quiz):
    overview = api.get(f"/assessments/{quiz(time_limit_s=300)}", users["ann"]).get_json()
    assert "items" not in overview
    assert overview["item_count"] == 10


def test_authors_see_the_keys(api, users, quiz, secret_keys):
    assert secret_keys(api.get(f"/assessments/{quiz()}", users["author"]).get_json()) >= {
        "correct",
        "feedback",
    }


def test_each_attempt_keeps_its_own_shuffled_order(api, users, quiz):
    aid = quiz(shuffle=True)
    orders = set()
    for _ in range(4):
        started = api.post(f"/assessments/{aid}/attempts", users["ann"]).get_json()
        again = api.get(f"/attempts/{started['attempt_id']}", users["ann"]).get_json()
        assert [i["id"] for i in again["items"]] == [i["id"] for i in started["items"]]
        assert sorted(i["id"] for i in started["items"]) == sorted(f"q{n}" for n in range(1, 11))
        orders.add(tuple(i["id"] for i in started["items"]))
    assert len(orders) > 1


def test_attempts_beyond_max_attempts_are_409(api, users, quiz):
    aid = quiz(max_attempts=2)
    assert [api.post(f"/assessments/{aid}/attempts", users["ann"]).status_code for _ in range(3)] == [
        201,
        201,
        409,
    ]
    assert api.post(f"/assessments/{aid}/attempts", users["bob"]).status_code == 201


def test_attempt_limits_hold_under_concurrent_starts(api, users, quiz, engine):
    aid = quiz(max_attempts=2)
    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(
            pool.map(lambda _: api.post(f"/assessments/{aid}/attempts", users["ann"]).status_code, range(12))
        )
    assert sorted(codes) == [201, 201] + [409] * 10
    with engine.connect() as conn:
        assert (
            conn.scalar(select(func.count()).select_from(attempts).where(attempts.c.assessment_id == aid))
            == 2
        )


def test_a_retried_start_with_the_same_key_returns_the_same_attempt(api, users, quiz):
    aid = quiz(max_attempts=1)
    key = {"Idempotency-Key": "start-1"}
    first = api.post(f"/assessments/{aid}/attempts", users["ann"], headers=key)
    second = api.post(f"/assessments/{aid}/attempts", users["ann"], headers=key)
    assert (first.status_code, second.status_code) == (201, 201)
    assert second.get_json() == first.get_json()
    assert second.headers["Idempotent-Replayed"] == "true"


def test_an_expired_attempt_cannot_be_submitted_and_nothing_is_graded(
    api, users, quiz, clock, responses, events
):
    aid = quiz(time_limit_s=60)
    attempt_id = api.post(f"/assessments/{aid}/attempts", users["ann"]).get_json()["attempt_id"]
    clock.advance(60 + 5 + 1)  # past the limit and the 5 s grace
    refused = api.post(f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": responses})
    assert refused.status_code == 409
    assert refused.get_json()["title"] == "attempt expired"
    attempt = api.get(f"/attempts/{attempt_id}", users["ann"]).get_json()
    assert (attempt["status"], attempt["submitted_at"], "score" in attempt) == ("expired", None, False)
    assert events(GRADED) == 0


def test_a_submit_within_the_grace_period_is_graded(api, users, quiz, clock, responses):
    aid = quiz(time_limit_s=60)
    attempt_id = api.post(f"/assessments/{aid}/attempts", users["ann"]).get_json()["attempt_id"]
    clock.advance(60 + 4)
    assert (
        api.post(f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": responses}).status_code
        == 200
    )


def test_a_learner_cannot_read_submit_or_list_another_learners_attempt(api, users, quiz, responses):
    aid = quiz()
    attempt_id = api.post(f"/assessments/{aid}/attempts", users["ann"]).get_json()["attempt_id"]
    assert api.get(f"/attempts/{attempt_id}", users["bob"]).status_code == 404
    assert (
        api.post(f"/attempts/{attempt_id}/submit", users["bob"], json={"responses": responses}).status_code
        == 404
    )
    ann_id = users["ann"][0]
    assert api.get(f"/assessments/{aid}/attempts?learner_id={ann_id}", users["bob"]).status_code == 403
    assert api.get(f"/assessments/{aid}/attempts", users["bob"]).get_json() == []
    assert [a["attempt_id"] for a in api.get(f"/assessments/{aid}/attempts", users["ann"]).get_json()] == [
        attempt_id
    ]


def test_hr_reads_attempts_and_scores_but_never_a_reflection(api, users, quiz, responses):
    aid = quiz()
    attempt_id = api.post(f"/assessments/{aid}/attempts", users["ann"]).get_json()["attempt_id"]
    api.post(f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": responses})
    reflection = next(r["text"] for r in responses if r["item_id"] == "q9")

    for reader in (users["hr"], users["admin"]):
        seen = api.get(f"/attempts/{attempt_id}", reader)
        assert seen.status_code == 200
        assert seen.get_json()["score"] == 9
        assert reflection not in seen.get_data(as_text=True)
    listed = api.get(f"/assessments/{aid}/attempts?learner_id={users['ann'][0]}", users["hr"]).get_json()
    assert [a["percent"] for a in listed] == [0.75]
    assert reflection in api.get(f"/attempts/{attempt_id}", users["ann"]).get_data(as_text=True)


def test_a_page_of_attempts_by_status_is_full_when_enough_attempts_have_that_status(
    api, users, quiz, clock, responses, unique
):
    users = {**users, "cat": (unique("cat"), "learner")}
    aid = quiz(time_limit_s=60)
    start = lambda who: api.post(f"/assessments/{aid}/attempts", users[who]).get_json()["attempt_id"]  # noqa: E731
    graded = start("cat")
    api.post(f"/attempts/{graded}/submit", users["cat"], json={"responses": responses})
    expired = [start("ann"), start("bob")]
    clock.advance(60 + 5 + 1)  # past the limit and the grace: both are expired now
    running = [start("ann"), start("bob")]

    def page(status: str) -> list[str]:
        listed = api.get(f"/assessments/{aid}/attempts?status={status}&limit=2", users["hr"]).get_json()
        assert {a["status"] for a in listed} <= {status}
        return sorted(a["attempt_id"] for a in listed)  # started at the same instant: any order

    assert page("expired") == sorted(expired)
    assert page("in_progress") == sorted(running)
    assert page("graded") == [graded]
