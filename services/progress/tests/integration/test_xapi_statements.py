"""Issue 12, section 5: `GET /xapi/statements` as an xAPI 1.0.3 reading client expects it."""

from __future__ import annotations

import json
import uuid
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.integration
HOME = "https://lms.example"
PASSED = "http://adlnet.gov/expapi/verbs/passed"


@pytest.fixture
def history(world):
    """ana fails then passes the quiz and completes the course; ben passes the quiz only."""
    course_id = str(uuid.uuid4())
    world.publish_course(course_id, 1, [{"id": "m1", "lessons": ["l1"], "assessment_id": "quiz-1"}])
    enrolment = world.enrol("ana", course_id)
    world.complete("ana", enrolment["id"], "l1")
    world.grade("ana", "quiz-1", passed=False, percent=0.3)
    world.grade("ana", "quiz-1", percent=0.9)
    world.grade("ben", "quiz-1", percent=0.8)
    world.drain()
    return {"course_id": course_id, "enrolment_id": enrolment["id"]}


def get(world, query: str = "", expect: int = 200):
    response = world.client.get(f"/api/v1/xapi/statements{query}", headers=world.token("hr1", "hr"))
    assert response.status_code == expect, response.get_json()
    assert response.headers["X-Experience-API-Version"] == "1.0.3"
    return response.get_json()


def verbs(page) -> list[str]:
    return [s["verb"]["display"]["en-US"] for s in page["statements"]]


def test_every_statement_has_stored_and_timestamp_newest_first_and_names_the_learner(world, history):
    page = get(world)
    assert len(page["statements"]) == 4
    assert all(s["stored"] and s["timestamp"] for s in page["statements"])
    stored = [s["stored"] for s in page["statements"]]
    assert stored == sorted(stored, reverse=True)
    assert page["more"] == ""
    assert {s["actor"]["account"]["name"] for s in page["statements"]} == {"ana", "ben"}
    oldest_first = get(world, "?ascending=true")
    assert [s["id"] for s in oldest_first["statements"]] == [s["id"] for s in reversed(page["statements"])]


def test_since_and_until_are_timestamps_on_stored(world, history):
    assert len(get(world, "?since=2020-01-01T00:00:00Z")["statements"]) == 4
    assert get(world, "?since=2999-01-01T00:00:00Z")["statements"] == []
    assert get(world, "?until=2020-01-01T00:00:00Z")["statements"] == []
    newest = get(world, "?limit=1")["statements"][0]
    assert get(world, f"?since={quote(newest['stored'])}")["statements"] == []
    assert newest["id"] in [s["id"] for s in get(world, f"?until={quote(newest['stored'])}")["statements"]]


def test_verb_activity_agent_and_registration_filter(world, history):
    assert sorted(verbs(get(world, f"?verb={quote(PASSED)}"))) == ["passed", "passed"]
    course = get(world, f"?activity={quote(HOME + '/courses/' + history['course_id'])}")
    assert verbs(course) == ["completed"]
    agent = json.dumps({"objectType": "Agent", "account": {"homePage": HOME, "name": "ben"}})
    assert verbs(get(world, f"?agent={quote(agent)}")) == ["passed"]
    stranger = json.dumps({"account": {"homePage": "https://elsewhere.example", "name": "ben"}})
    assert get(world, f"?agent={quote(stranger)}")["statements"] == []
    registered = get(world, f"?registration={history['enrolment_id']}")
    assert verbs(registered) == ["completed"]


def test_statement_id_returns_that_statement_alone(world, history):
    wanted = get(world)["statements"][2]
    single = get(world, f"?statementId={wanted['id']}")
    assert single["id"] == wanted["id"]
    get(world, f"?statementId={uuid.uuid4()}", expect=404)


def test_more_is_a_relative_url_that_walks_every_statement_once(world, history):
    seen, url = [], "/api/v1/xapi/statements?limit=1&verb=" + quote(PASSED)
    while url:
        assert url.startswith("/api/v1/xapi/statements?")
        page = get(world, url.removeprefix("/api/v1/xapi/statements"))
        seen += [s["id"] for s in page["statements"]]
        url = page["more"]
    assert len(seen) == len(set(seen)) == 2


def test_bad_filters_are_refused_with_a_problem(world, history):
    too_big = "372328444393591341056"  # past a 64-bit cursor: the database would refuse it
    for query in (
        "?agent=not-json",
        "?since=yesterday",
        "?registration=nope",
        "?limit=-1",
        f"?since={too_big}",
        f"?cursor={too_big}",
    ):
        response = world.client.get(f"/api/v1/xapi/statements{query}", headers=world.token("hr1", "hr"))
        assert (response.status_code, response.mimetype) == (422, "application/problem+json"), query
    learner = world.client.get("/api/v1/xapi/statements", headers=world.token("ana", "learner"))
    assert learner.status_code == 403


def test_an_earlier_client_polling_with_the_numeric_cursor_still_gets_everything_once(world, history):
    seen, cursor = [], "0"
    while True:
        page = get(world, f"?since={cursor}&limit=3")
        if not page["statements"]:
            break
        seen += [s["id"] for s in page["statements"]]
        cursor = page["next_cursor"]
    assert len(seen) == len(set(seen)) == 4


def test_each_statement_is_announced_to_the_record_store_once_even_when_its_fact_arrives_twice(
    world, history
):
    """Issue 26, one record of learning: progress announces every statement it derives
    (`lms.progress.statement.recorded.v1`) so the LRS keeps it; a redelivered fact announces nothing new."""
    world.grade("ben", "quiz-1", percent=0.8, event=world.sent[-1])  # the last fact, delivered again
    world.drain()
    announced = world.own_events("lms.progress.statement.recorded.v1")
    served = {s["id"]: s for s in get(world)["statements"]}
    assert sorted(e.data["statement_id"] for e in announced) == sorted(served)
    for event in announced:
        statement = served[event.data["statement_id"]]
        assert event.data["statement"] == {k: v for k, v in statement.items() if k != "stored"}
        assert event.data["actor_name"] == statement["actor"]["account"]["name"]
