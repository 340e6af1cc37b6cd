"""Issue 27: an AU launched for an enrolment, its session's statements under cmi5's rules, the
satisfaction they bring, on PostgreSQL and Kafka."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from lms.kit.cloudevents import CloudEvent

pytestmark = pytest.mark.integration
V1 = {"X-Experience-API-Version": "1.0.3"}
CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
VERB = "http://adlnet.gov/expapi/verbs/"
ADL = "https://w3id.org/xapi/adl/verbs/"


def published(course_id: str, lessons: list[str], move_on: str = "CompletedAndPassed") -> CloudEvent:
    tag = uuid.uuid4().hex[:8]
    aus = [
        {
            "type": "au",
            "id": f"https://publisher.example/au/{tag}/{n}",
            "lesson_id": lesson,
            "title": f"AU {n}",
            "url": "index.html?paramA=1",
            "move_on": move_on,
            "mastery_score": 0.8,
            "launch_method": "AnyWindow",
            "launch_parameters": "level=2",
            "entitlement_key": "key-123",
        }
        for n, lesson in enumerate(lessons)
    ]
    module = {
        "module_id": str(uuid.uuid4()),
        "position": 0,
        "title": "cmi5",
        "required": True,
        "competencies": [],
        "assessment_id": None,
        "lessons": [
            {"lesson_id": lesson, "position": n, "title": f"AU {n}", "kind": "au", "duration_min": 0}
            for n, lesson in enumerate(lessons)
        ],
        "cmi5": {
            "course_id": f"https://publisher.example/course/{tag}",
            "package": "0" * 32,
            "children": [{"type": "block", "id": f"https://publisher.example/block/{tag}", "children": aus}],
        },
    }
    data = {
        "course_id": course_id,
        "slug": f"c-{tag}",
        "title": "A cmi5 course",
        "version": 1,
        "published_at": datetime.now(UTC).isoformat(),
        "modules": [module],
    }
    return CloudEvent.new("lms.curriculum.course.published.v1", "/curriculum", data, subject=course_id)


def enrolled(enrolment_id: str, learner: str, course_id: str) -> CloudEvent:
    data = {
        "enrolment_id": enrolment_id,
        "learner_id": learner,
        "course_id": course_id,
        "course_version": 1,
        "enrolled_at": datetime.now(UTC).isoformat(),
    }
    return CloudEvent.new("lms.progress.enrolment.created.v1", "/progress", data, subject=learner)


@pytest.fixture
def course(harness) -> dict[str, Any]:
    """A published cmi5 course of two AUs in one block, and a learner enrolled on it."""
    harness.ensure_topics(["progress", "records", "curriculum"])
    course_id, enrolment_id, learner = str(uuid.uuid4()), str(uuid.uuid4()), f"ana-{uuid.uuid4().hex[:6]}"
    lessons = [str(uuid.uuid4()), str(uuid.uuid4())]
    consumer = harness.consumer()
    events = [published(course_id, lessons), enrolled(enrolment_id, learner, course_id)]
    harness.send("curriculum", events[0], course_id)
    harness.send("progress", events[1], learner)
    harness.drain(consumer, {e.id for e in events})
    return {"course_id": course_id, "enrolment_id": enrolment_id, "learner": learner, "lessons": lessons}


class Au:
    """An AU as a browser runs it: launched, fetches its token, talks xAPI with it."""

    def __init__(self, client, launched: dict[str, Any]):
        self.client = client
        self.launched = launched
        query = parse_qs(urlsplit(launched["launch_url"]).query)
        self.params = {k: v[0] for k, v in query.items()}
        self.actor = json.loads(self.params["actor"])
        self.auth: dict[str, str] = {}
        self.data: dict[str, Any] = {}

    def fetch(self) -> dict[str, Any]:
        return self.client.post(urlsplit(self.params["fetch"]).path).get_json()

    def start(self) -> None:
        token = self.fetch()["auth-token"]
        self.auth = {"Authorization": f"Basic {token}", **V1}
        self.data = self.state("LMS.LaunchData").get_json()
        self.client.get(
            "/xapi/agents/profile", query_string=self.agent_query("cmi5LearnerPreferences"), headers=self.auth
        )

    def agent_query(self, profile: str) -> dict[str, str]:
        return {"agent": self.params["actor"], "profileId": profile}

    def state(self, state_id: str, method: str = "GET", **kw: Any):
        query = {
            "activityId": self.params["activityId"],
            "agent": self.params["actor"],
            "registration": self.params["registration"],
            "stateId": state_id,
        }
        return self.client.open(
            "/xapi/activities/state", method=method, query_string=query, headers=self.auth, **kw
        )

    def statement(self, verb: str, moveon: bool = False, **result: Any) -> dict[str, Any]:
        context = json.loads(json.dumps(self.data["contextTemplate"]))
        context["registration"] = self.params["registration"]
        categories = [{"id": CMI5}] + ([{"id": MOVEON}] if moveon else [])
        context["contextActivities"]["category"] = categories
        if verb in ("passed", "failed"):
            context["extensions"][MASTERY] = self.data["masteryScore"]
        found = {
            "id": str(uuid.uuid4()),
            "timestamp": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
            "actor": self.actor,
            "verb": {"id": VERB + verb},
            "object": {"id": self.params["activityId"]},
            "context": context,
        }
        if result:
            found["result"] = result
        return found

    def send(self, statement: dict[str, Any]):
        return self.client.put(
            "/xapi/statements",
            query_string={"statementId": statement["id"]},
            json=statement,
            headers=self.auth,
        )


def launch(client, harness, course, lesson: int = 0, **body: Any) -> Au:
    headers = harness.bearer(course["learner"], "learner")
    path = f"/api/v1/enrolments/{course['enrolment_id']}/aus/{course['lessons'][lesson]}/launches"
    reply = client.post(path, json=body, headers=headers)
    assert reply.status_code == 201, reply.get_data(as_text=True)
    return Au(client, reply.get_json())


def registration_statements(client, harness, registration: str) -> list[dict[str, Any]]:
    reader = {**harness.bearer("hr-reader", "hr"), **V1}
    found = client.get(
        "/xapi/statements", query_string={"registration": registration, "ascending": "true"}, headers=reader
    )
    return found.get_json()["statements"]


def verbs(found: list[dict[str, Any]]) -> list[str]:
    return [s["verb"]["id"].rsplit("/", 1)[1] for s in found]


def test_a_launch_gives_the_url_launchdata_and_a_token_the_fetch_url_returns_once(client, harness, course):
    au = launch(client, harness, course, return_url="https://frontend.example/back")
    assert set(au.params) >= {"endpoint", "fetch", "actor", "registration", "activityId", "paramA"}
    assert au.params["registration"] == course["enrolment_id"]
    assert not au.params["activityId"].startswith("https://publisher.example")
    assert au.actor["account"]["name"] == course["learner"]
    assert au.fetch()["auth-token"]
    again = au.fetch()
    assert again["error-code"] == "1"
    assert "auth-token" not in again
    au.auth = {"Authorization": "Basic " + base64.b64encode(b"cmi5s.nope:nope").decode(), **V1}
    assert au.state("LMS.LaunchData").status_code == 401


def test_launch_data_names_the_session_the_au_and_its_course_structure_values(client, harness, course):
    au = launch(client, harness, course, return_url="https://frontend.example/back")
    au.start()
    data = au.data
    assert data["contextTemplate"]["extensions"][SESSION] == au.launched["session_id"]
    assert data["contextTemplate"]["contextActivities"]["grouping"][0]["id"] == au.launched["au_id"]
    assert (data["launchMode"], data["moveOn"], data["masteryScore"]) == ("Normal", "CompletedAndPassed", 0.8)
    assert data["launchParameters"] == "level=2"
    assert data["entitlementKey"] == {"courseStructure": "key-123"}
    assert data["returnURL"] == "https://frontend.example/back"


def test_only_the_learner_of_the_enrolment_launches(client, harness, course):
    path = f"/api/v1/enrolments/{course['enrolment_id']}/aus/{course['lessons'][0]}/launches"
    other = client.post(path, json={}, headers=harness.bearer("someone-else", "learner"))
    assert other.status_code == 404


def test_passed_and_completed_satisfy_the_au_then_the_block_and_the_course_once(client, harness, course):
    consumer_events_before = len(harness.emitted("lms.records.au.satisfied.v1"))
    for lesson in (0, 1):
        au = launch(client, harness, course, lesson)
        au.start()
        assert au.send(au.statement("initialized")).status_code == 204
        assert (
            au.send(
                au.statement("passed", True, success=True, duration="PT1S", score={"scaled": 0.9})
            ).status_code
            == 204
        )
        assert au.send(au.statement("completed", True, completion=True, duration="PT2S")).status_code == 204
        assert au.send(au.statement("terminated", duration="PT3S")).status_code == 204
        assert au.send(au.statement("experienced")).status_code == 401  # the session is over
    found = registration_statements(client, harness, course["enrolment_id"])
    assert verbs(found) == [
        "launched", "initialized", "passed", "completed", "terminated",
        "launched", "initialized", "passed", "completed", "satisfied", "satisfied", "terminated",
    ]  # fmt: skip
    block, whole = found[9], found[10]
    assert block["object"]["definition"]["type"].endswith("/block")
    assert whole["object"]["definition"]["type"].endswith("/course")
    assert block["context"]["extensions"][SESSION] == found[6]["context"]["extensions"][SESSION]
    satisfied = [
        e
        for e in harness.emitted("lms.records.au.satisfied.v1")
        if e["registration"] == course["enrolment_id"]
    ]
    assert sorted(e["lesson_id"] for e in satisfied) == sorted(course["lessons"])
    assert len(harness.emitted("lms.records.au.satisfied.v1")) == consumer_events_before + 2


@pytest.mark.parametrize(
    ("why", "change"),
    [
        (
            "a voiding statement",
            lambda au, s: s.update(
                verb={"id": VERB + "voided"}, object={"objectType": "StatementRef", "id": str(uuid.uuid4())}
            ),
        ),
        ("another actor", lambda au, s: s.update(actor={"mbox": "mailto:x@example.com"})),
        ("another activity", lambda au, s: s["object"].update(id="https://elsewhere.example/x")),
        ("no session id", lambda au, s: s["context"]["extensions"].pop(SESSION)),
        ("a local timestamp", lambda au, s: s.update(timestamp="2026-01-01T10:00:00-06:00")),
        (
            "completed with success",
            lambda au, s: s.update(
                verb={"id": VERB + "completed"},
                result={"completion": True, "success": True, "duration": "PT1S"},
            ),
        ),
    ],
)
def test_a_session_statement_that_breaks_a_cmi5_rule_is_refused_403_and_not_stored(
    client, harness, course, why, change
):
    au = launch(client, harness, course)
    au.start()
    assert au.send(au.statement("initialized")).status_code == 204
    bad = au.statement("experienced")
    change(au, bad)
    refused = au.send(bad)
    assert refused.status_code == 403, (why, refused.get_data(as_text=True))
    reader = {**harness.bearer("hr-reader", "hr"), **V1}
    assert (
        client.get("/xapi/statements", query_string={"statementId": bad["id"]}, headers=reader).status_code
        == 404
    )


def test_the_au_reads_its_preferences_before_initialized_and_never_writes_launch_data(
    client, harness, course
):
    au = launch(client, harness, course)
    au.auth = {"Authorization": f"Basic {au.fetch()['auth-token']}", **V1}
    au.data = au.state("LMS.LaunchData").get_json()
    assert au.send(au.statement("initialized")).status_code == 403  # cmi5LearnerPreferences not read yet
    assert au.state("LMS.LaunchData", "PUT", json={"mine": True}).status_code == 403
    assert au.state("LMS.LaunchData", "DELETE").status_code == 403
    profile = client.get(
        "/xapi/agents/profile", query_string=au.agent_query("cmi5LearnerPreferences"), headers=au.auth
    )
    assert profile.status_code == 404
    assert au.send(au.statement("initialized")).status_code == 204


def test_completed_once_per_registration_even_in_a_later_session(client, harness, course):
    first = launch(client, harness, course)
    first.start()
    first.send(first.statement("initialized"))
    assert first.send(first.statement("completed", True, completion=True, duration="PT1S")).status_code == 204
    second = launch(client, harness, course)  # the first session is abandoned
    second.start()
    second.send(second.statement("initialized"))
    assert (
        second.send(second.statement("completed", True, completion=True, duration="PT1S")).status_code == 403
    )
    assert first.send(first.statement("experienced")).status_code == 401
    assert "abandoned" in verbs(registration_statements(client, harness, course["enrolment_id"]))


def test_waiving_an_au_writes_waived_and_satisfies_it_once(client, harness, course):
    hr = harness.bearer("hr-1", "hr")
    path = f"/api/v1/enrolments/{course['enrolment_id']}/aus/{course['lessons'][0]}/waive"
    assert client.post(path, json={"reason": "Administrative"}, headers=hr).status_code == 200
    assert client.post(path, json={"reason": "Administrative"}, headers=hr).status_code == 409
    learner = harness.bearer(course["learner"], "learner")
    assert client.post(path, json={"reason": "Administrative"}, headers=learner).status_code == 403
    found = registration_statements(client, harness, course["enrolment_id"])
    assert verbs(found) == ["waived"]
    assert (
        found[0]["result"]["extensions"]["https://w3id.org/xapi/cmi5/result/extensions/reason"]
        == "Administrative"
    )
    standing = client.get(f"/api/v1/enrolments/{course['enrolment_id']}/aus", headers=learner).get_json()
    assert [i["satisfied"] for i in standing["items"]] == [True, False]
