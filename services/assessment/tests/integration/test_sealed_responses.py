"""Survey responses of a needs analysis: only its invitees answer, once, while it is open; the
scores stay sealed until it closes and then leave once, together, shuffled, with nothing that
tells one response from another (decision 0054)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from lms.assessment.db import sealed_responses
from lms.contracts import default_registry
from lms.kit.messaging import outbox

from .test_surveys import survey

pytestmark = pytest.mark.integration
RELEASED = "lms.assessment.survey.released.v1"
PARTICIPATED = "lms.assessment.survey.participated.v1"


def answers(i: int) -> list[dict]:
    """Answers that differ for every respondent `i` (0..15), and their expected scores."""
    return [
        {"item_id": "target", "value": 1 + i % 5},
        {"item_id": "rushed", "value": 1 + (i // 5) % 5},
        {"item_id": "recover", "value": 1 + (i * 2) % 5},
        {"item_id": "gap", "option_ids": [("none", "minute", "enough")[i % 3]]},
        {"item_id": "impact", "value": 1 + (i * 3) % 5},
    ]


def scores_of(i: int) -> dict[str, float]:
    gap = (1.0, 0.5, 0.0)[i % 3]
    return {
        "competency:asking-about-impact": ((i * 3) % 5) / 4,
        "system:metrics": round(((i % 5) / 4 + ((i // 5) % 5) / 4) / 2, 4),
        "wellbeing:emotional-load": round((1 - ((i * 2) % 5) / 4 + gap) / 2, 4),
    }


def as_set(responses: list[dict[str, float]]) -> list[tuple]:
    """Responses as a sorted list of (tag, score) tuples, to compare without order."""
    return sorted(tuple(sorted((tag, round(score, 4)) for tag, score in r.items())) for r in responses)


def start(api, who, survey_id, analysis_id):
    return api.post(f"/assessments/{survey_id}/attempts", who, json={"needs_analysis_id": analysis_id})


def respond(api, who, survey_id, analysis_id, i: int) -> str:
    started = start(api, who, survey_id, analysis_id)
    assert started.status_code == 201, started.get_json()
    attempt_id = started.get_json()["attempt_id"]
    reply = api.post(f"/attempts/{attempt_id}/submit", who, json={"responses": answers(i)})
    assert reply.status_code == 200, reply.get_json()
    return attempt_id


def rows(engine, event_type: str | None = None) -> list:
    query = select(outbox).order_by(outbox.c.id)
    with engine.connect() as conn:
        found = conn.execute(query).all()
    return [r for r in found if event_type is None or r.event_type == event_type]


def sealed(engine, analysis_id: str) -> list:
    with engine.connect() as conn:
        return conn.execute(
            select(sealed_responses).where(sealed_responses.c.needs_analysis_id == analysis_id)
        ).all()


def team(unique, size: int) -> list[tuple[str, str]]:
    return [(unique(f"agent{i}"), "learner") for i in range(size)]


def test_nobody_answers_a_needs_analysis_they_were_not_invited_to(api, users, publish, unique):
    survey_id = publish(survey(unique("needs")))
    for stranger in (users["bob"], users["admin"], (unique("key"), "learner", "hr")):
        refused = start(api, stranger, survey_id, unique("analysis"))
        assert refused.status_code == 403, refused.get_json()
        assert refused.mimetype == "application/problem+json"
    outside = api.post(f"/assessments/{survey_id}/attempts", users["ann"])
    assert outside.status_code == 422
    errors = outside.get_json()["errors"]
    assert errors == {"needs_analysis_id": ["a survey is answered within a needs analysis"]}
    assert api.get(f"/assessments/{survey_id}/attempts", users["hr"]).get_json() == []


def test_an_invitee_answers_once_and_only_while_the_analysis_is_open(
    api, users, publish, unique, insights, clock, engine
):
    survey_id = publish(survey(unique("needs")))
    ann, bob, carl = users["ann"], users["bob"], (unique("carl"), "learner")
    analysis = insights.open(survey_id, [ann[0], carl[0]])
    assert start(api, bob, survey_id, analysis).status_code == 403  # a colleague not on the list
    respond(api, ann, survey_id, analysis, 0)
    again = start(api, ann, survey_id, analysis)
    assert again.status_code == 409
    assert again.mimetype == "application/problem+json"
    late = start(api, carl, survey_id, analysis)
    assert late.status_code == 201
    clock.advance(days=14, seconds=1)  # past closes_at, before insights has said so
    assert start(api, (unique("dora"), "learner"), survey_id, analysis).status_code == 403
    late_id = late.get_json()["attempt_id"]
    submitted = api.post(f"/attempts/{late_id}/submit", carl, json={"responses": answers(1)})
    assert submitted.status_code == 409
    assert len(sealed(engine, analysis)) == 1  # carl's late answers were not kept
    assert len(rows(engine, PARTICIPATED)) == 1


def test_responses_stay_sealed_until_the_analysis_closes_then_leave_once_shuffled_and_bare(
    api, publish, unique, insights, engine
):
    survey_id = publish(survey(unique("needs")))
    people = team(unique, 8)
    analysis = insights.open(survey_id, [p[0] for p in people])
    attempts = [respond(api, who, survey_id, analysis, i) for i, who in enumerate(people)]

    before = [r for r in rows(engine) if r.event_type != "lms.assessment.assessment.published.v1"]
    assert {r.event_type for r in before} == {PARTICIPATED}, "only who took part leaves before closing"
    assert not any("scores" in json.loads(r.payload) for r in before)
    assert len(sealed(engine, analysis)) == 8

    insights.close(analysis, survey_id)
    duplicate = insights.close(analysis, survey_id)  # a second announcement releases nothing more
    [release] = rows(engine, RELEASED)
    payload = json.loads(release.payload)
    default_registry().validate(RELEASED, payload)
    assert release.key == analysis
    assert set(payload) == {"needs_analysis_id", "min_group_size", "surveys"}
    [group] = payload["surveys"]
    assert (group["survey_id"], group["respondents"], group["withheld"]) == (survey_id, 8, False)
    expected = [scores_of(i) for i in range(8)]
    assert as_set(group["responses"]) == as_set(expected)
    assert all(set(r) == set(expected[0]) for r in group["responses"]), "every response carries the same tags"
    # eight different responses kept in the order they came would give it away (1 in 40,320 by chance)
    assert [as_set([r]) for r in group["responses"]] != [as_set([r]) for r in expected]
    assert not ({p[0] for p in people} | set(attempts)) & set(json.dumps(payload).split('"'))
    headers = json.loads(release.headers)
    assert not {"ce_requestid", "traceparent"} & set(headers)
    assert sealed(engine, analysis) == []
    assert duplicate.id != release.event_id


def test_a_group_below_the_floor_is_never_released(api, publish, unique, insights, engine):
    survey_id = publish(survey(unique("needs")))
    people = team(unique, 6)
    analysis = insights.open(survey_id, [p[0] for p in people])
    for i, who in enumerate(people[:4]):
        respond(api, who, survey_id, analysis, i)
    insights.close(analysis, survey_id, min_group_size=5)
    [release] = rows(engine, RELEASED)
    assert json.loads(release.payload)["surveys"] == [
        {"survey_id": survey_id, "respondents": 4, "withheld": True, "responses": []}
    ]
    assert sealed(engine, analysis) == []


def test_every_response_of_an_analysis_answers_the_version_of_its_first_start(
    api, users, publish, unique, insights, engine
):
    definition = survey(unique("needs"))
    survey_id = publish(definition)
    people = team(unique, 5)
    analysis = insights.open(survey_id, [p[0] for p in people])
    respond(api, people[0], survey_id, analysis, 0)
    grown = {**definition, "items": [*definition["items"], {**definition["items"][0], "id": "extra",
             "measures": "system:policy"}]}  # fmt: skip
    assert api.put(f"/assessments/{survey_id}", users["author"], json=grown,
                   headers={"If-Match": draft_etag(api, users, survey_id)}).status_code == 200  # fmt: skip
    assert api.post(f"/assessments/{survey_id}/publish", users["author"]).status_code == 201
    later = start(api, people[1], survey_id, analysis)
    assert later.get_json()["assessment_version"] == 1
    assert "extra" not in {item["id"] for item in later.get_json()["items"]}
    fresh = insights.open(survey_id, [people[1][0]])
    assert start(api, people[1], survey_id, fresh).get_json()["assessment_version"] == 2


def draft_etag(api, users, survey_id: str) -> str:
    return api.get(f"/assessments/{survey_id}?version=draft", users["author"]).headers["ETag"]


def test_the_leader_questionnaire_is_answered_by_its_own_invitees_and_released_apart(
    api, publish, unique, insights, engine
):
    survey_id, questionnaire = publish(survey(unique("needs"))), publish(survey(unique("leaders")))
    agents, leaders = team(unique, 5), team(unique, 2)
    extra = {"leader_questionnaire_id": questionnaire, "leader_invitees": [p[0] for p in leaders]}
    analysis = insights.open(survey_id, [p[0] for p in agents], **extra)
    assert start(api, agents[0], questionnaire, analysis).status_code == 403
    assert start(api, leaders[0], survey_id, analysis).status_code == 403
    for i, who in enumerate(agents):
        respond(api, who, survey_id, analysis, i)
    respond(api, leaders[0], questionnaire, analysis, 9)
    insights.close(analysis, survey_id, leader_questionnaire_id=questionnaire)
    [release] = rows(engine, RELEASED)
    groups = {g["survey_id"]: g for g in json.loads(release.payload)["surveys"]}
    assert (groups[survey_id]["respondents"], groups[survey_id]["withheld"]) == (5, False)
    alone = {"survey_id": questionnaire, "respondents": 1, "withheld": True, "responses": []}
    assert groups[questionnaire] == alone
    assert as_set([scores_of(9)]) != as_set(groups[survey_id]["responses"][:1])
    assert as_set(groups[survey_id]["responses"]) == as_set([scores_of(i) for i in range(5)])
