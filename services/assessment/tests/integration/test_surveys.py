"""Surveys: authored, published, answered within a needs analysis; no reply has answers; the
release of sealed responses is in test_sealed_responses."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from lms.assessment.db import sealed_responses, survey_comments
from lms.contracts import default_registry
from lms.kit.messaging import outbox

pytestmark = pytest.mark.integration
RESPONDED = "lms.assessment.survey.responded.v1"
PARTICIPATED = "lms.assessment.survey.participated.v1"
SECRET_TEXT = "my manager times every call with a stopwatch"
ANSWER_KEYS = {"responses", "result", "option_ids", "value", "scores", "competency_scores"}
LABELS = ["never", "rarely", "sometimes", "often", "always"]


def likert(item_id: str, measures: str, *, reverse: bool = False) -> dict:
    return {"id": item_id, "kind": "likert", "prompt": f"About {measures}", "scale": 5,
            "labels": LABELS, "measures": measures, "reverse": reverse}  # fmt: skip


def survey(slug: str) -> dict:
    time_options = [
        {"id": "none", "text": "No time at all", "value": 1},
        {"id": "minute", "text": "About a minute", "value": 0.5},
        {"id": "enough", "text": "As long as I need", "value": 0},
    ]
    return {
        "slug": slug,
        "title": "Service needs check",
        "kind": "survey",
        "pass_mark": 0,
        "max_attempts": None,
        "items": [
            likert("target", "system:metrics"),
            likert("rushed", "system:metrics"),
            likert("recover", "wellbeing:emotional-load", reverse=True),
            {
                "id": "gap",
                "kind": "single_choice",
                "prompt": "Time between hard calls?",
                "measures": "wellbeing:emotional-load",
                "options": time_options,
            },
            likert("impact", "competency:asking-about-impact"),
            {"id": "say", "kind": "free_text", "prompt": "Anything else?"},
        ],
    }


ANSWERS = [
    {"item_id": "target", "value": 5},  # metrics 1.0
    {"item_id": "rushed", "value": 4},  # metrics 0.75
    {"item_id": "recover", "value": 2},  # reversed: 1 - 0.25 = 0.75
    {"item_id": "gap", "option_ids": ["none"]},  # 1.0
    {"item_id": "impact", "value": 2},  # 0.25
    {"item_id": "say", "text": SECRET_TEXT},
]
EXPECTED_SCORES = {
    "competency:asking-about-impact": 0.25,
    "system:metrics": 0.875,
    "wellbeing:emotional-load": 0.875,
}


def outbox_rows(engine, event_type: str) -> list:
    with engine.connect() as conn:
        return conn.execute(select(outbox).where(outbox.c.event_type == event_type)).all()


@pytest.fixture
def responded(api, users, publish, unique, insights):
    """A published survey answered once by ann for a needs analysis: (survey id, attempt id, reply)."""
    survey_id = publish(survey(unique("needs")))
    analysis = insights.open(survey_id, [users["ann"][0], users["bob"][0]])
    started = api.post(
        f"/assessments/{survey_id}/attempts", users["ann"], json={"needs_analysis_id": analysis}
    )
    assert started.status_code == 201, started.get_json()
    attempt_id = started.get_json()["attempt_id"]
    headers = {"X-Request-ID": unique("req"), "Idempotency-Key": "survey-once"}
    reply = api.post(
        f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": ANSWERS}, headers=headers
    )
    assert reply.status_code == 200, reply.get_json()
    return survey_id, analysis, attempt_id, reply


def test_a_response_gives_a_receipt_and_never_the_answers_back(responded, users):
    survey_id, analysis, _, reply = responded
    body = reply.get_json()
    assert body["status"] == "responded"
    assert body["receipt"]["survey_id"] == survey_id
    assert body["receipt"]["needs_analysis_id"] == analysis
    assert not ANSWER_KEYS & keys_in(body)
    assert SECRET_TEXT not in json.dumps(body)


def test_a_response_leaves_only_the_bare_participation_and_is_sealed_without_the_person(
    responded, engine, users
):
    survey_id, analysis, attempt_id, _ = responded
    assert outbox_rows(engine, RESPONDED) == []
    assert outbox_rows(engine, "lms.assessment.attempt.graded.v1") == []
    [participation] = outbox_rows(engine, PARTICIPATED)
    data = json.loads(participation.payload)
    assert set(data) == {"learner_id", "survey_id", "needs_analysis_id", "participated_at"}
    assert (data["learner_id"], data["survey_id"], data["needs_analysis_id"]) == (
        users["ann"][0],
        survey_id,
        analysis,
    )
    assert participation.key == users["ann"][0]
    default_registry().validate(PARTICIPATED, data)
    assert SECRET_TEXT not in participation.payload
    with engine.connect() as conn:
        [sealed] = conn.execute(select(sealed_responses)).all()
    assert set(sealed._mapping) == {"id", "needs_analysis_id", "survey_id", "scores"}
    assert (sealed.needs_analysis_id, sealed.survey_id) == (analysis, survey_id)
    assert sealed.scores == EXPECTED_SCORES
    assert not {users["ann"][0], attempt_id} & {str(v) for v in sealed}


def test_free_text_is_kept_apart_from_the_person(responded, engine, users):
    with engine.connect() as conn:
        [comment] = conn.execute(select(survey_comments)).all()
    assert comment.text == SECRET_TEXT
    assert users["ann"][0] not in json.dumps([str(v) for v in comment])


def keys_in(node) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for value in node.values() for k in keys_in(value)}
    if isinstance(node, list):
        return {k for value in node for k in keys_in(value)}
    return set()


def test_no_reply_to_any_role_contains_an_answer(responded, api, users):
    survey_id, _, attempt_id, _ = responded
    paths = [
        f"/attempts/{attempt_id}",
        f"/assessments/{survey_id}/attempts",
        f"/assessments/{survey_id}/attempts?learner_id={users['ann'][0]}",
        f"/assessments/{survey_id}",
        f"/assessments/{survey_id}?version=1",
        f"/assessments/{survey_id}?version=draft",
        f"/assessments/{survey_id}/versions",
        "/assessments?kind=survey",
    ]
    seen = 0
    for who in ("ann", "bob", "author", "hr", "admin"):
        for path in paths:
            reply = api.get(path, users[who])
            assert reply.status_code < 500, (who, path)
            document = reply.get_json()
            assert not {"responses", "result", "option_ids", "scores"} & keys_in(document), (who, path)
            assert SECRET_TEXT not in json.dumps(document), (who, path)
            seen += reply.status_code == 200
    assert seen >= 25  # the walk read real replies, not only refusals


def test_a_retry_with_the_same_key_gets_the_receipt_and_another_response_is_refused(responded, api, users):
    _, _, attempt_id, first = responded
    again = api.post(f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": ANSWERS},
                     headers={"Idempotency-Key": "survey-once"})  # fmt: skip
    assert again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.get_json()["receipt"] == first.get_json()["receipt"]
    other = api.post(f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": ANSWERS[:1]})
    assert other.status_code == 409


def test_one_response_per_learner_and_needs_analysis(responded, api, users, engine, insights):
    survey_id, analysis, _, _ = responded
    second = api.post(
        f"/assessments/{survey_id}/attempts", users["ann"], json={"needs_analysis_id": analysis}
    )
    assert second.status_code == 409
    assert second.mimetype == "application/problem+json"
    next_analysis = insights.open(survey_id, [users["ann"][0]])
    other_analysis = api.post(
        f"/assessments/{survey_id}/attempts", users["ann"], json={"needs_analysis_id": next_analysis}
    )
    assert other_analysis.status_code == 201
    with engine.connect() as conn:
        assert len(conn.execute(select(sealed_responses)).all()) == 1


def test_a_quiz_attempt_takes_no_needs_analysis(api, users, quiz):
    reply = api.post(f"/assessments/{quiz()}/attempts", users["ann"], json={"needs_analysis_id": "na-1"})
    assert reply.status_code == 422
    assert reply.get_json()["errors"] == {"needs_analysis_id": ["surveys only"]}


def test_a_survey_with_keys_bad_tags_or_other_kinds_is_not_published(api, users, unique):
    bad = survey(unique("bad"))
    bad["items"][0]["measures"] = "system:morale"
    bad["items"][3]["options"][0]["correct"] = True
    del bad["items"][3]["options"][1]["value"]
    bad["items"].append({"id": "tf", "kind": "true_false", "prompt": "?", "correct": True})
    created = api.post("/assessments", users["author"], json=bad).get_json()
    reply = api.post(f"/assessments/{created['id']}/publish", users["author"])
    assert reply.status_code == 422
    errors = reply.get_json()["errors"]
    assert errors["target"] == [
        "`measures` must be `competency:<id>` or one of system:metrics, system:policy, "
        "system:tools-knowledge, wellbeing:emotional-load, wellbeing:difficult-contacts (got 'system:morale')"
    ]
    assert errors["gap"] == [
        "a survey has no right answers: no option is `correct`",
        "option 'minute' needs a `value` from 0 to 1 (how strongly it shows what the item measures)",
    ]
    assert errors["tf"] == ["a survey takes likert, single_choice and free_text items, not true_false"]


def test_a_survey_definition_needs_no_pass_mark_max_attempts_or_shuffle(api, users, unique):
    bare = survey(unique("bare"))
    del bare["pass_mark"], bare["max_attempts"]
    created = api.post("/assessments", users["author"], json=bare)
    assert created.status_code == 201, created.get_json()
    assert api.post(f"/assessments/{created.get_json()['id']}/publish", users["author"]).status_code == 201
    choice = {"id": "q", "kind": "single_choice", "prompt": "?", "options": [
        {"id": "a", "text": "a", "correct": True}, {"id": "b", "text": "b"}]}  # fmt: skip
    quiz = {**bare, "slug": unique("quiz"), "kind": "quiz", "items": [choice]}
    refused = api.post("/assessments", users["author"], json=quiz)
    assert refused.status_code == 422
    assert refused.get_json()["errors"] == {"pass_mark": ["Missing data for required field."]}


def test_a_survey_ignores_pass_mark_max_attempts_and_shuffle(api, users, unique, publish, insights):
    definition = {**survey(unique("set")), "pass_mark": 0.9, "max_attempts": 1, "shuffle": True}
    survey_id = publish(definition)
    authored = [item["id"] for item in definition["items"]]
    for _ in range(2):  # one response per needs analysis, whatever max_attempts says
        analysis = insights.open(survey_id, [users["ann"][0]])
        body = {"needs_analysis_id": analysis}
        started = api.post(f"/assessments/{survey_id}/attempts", users["ann"], json=body)
        assert started.status_code == 201, started.get_json()
        assert [item["id"] for item in started.get_json()["items"]] == authored
        attempt_id = started.get_json()["attempt_id"]
        reply = api.post(f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": ANSWERS})
        assert reply.status_code == 200
        assert "passed" not in reply.get_json()
