"""Issue 22 through the gateway, every process real: whole needs analyses, then everything an
eavesdropper could read (every record of every topic with its key, headers, time and offset,
every process's log, every metric) is searched for a way to tell who answered what.

Eight colleagues answer differently, so each response is recognisable; the test knows who gave
which and tries the joins a reader of the topics would try: a record naming a person beside
answers, a shared request id or key, answers alone in a record whose time or offset sits beside
one person's participation, and the order of the answers against the order people took part.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from kafka import KafkaConsumer

from lms.kit.kafka import client_config
from lms.kit.topics import read_topic
from lms.tools.importer import Importer
from lms.tools.journeys import Learner, definitions, eventually, responses

pytestmark = pytest.mark.integration
COURSES = Path(__file__).parents[2] / "courses"
SURVEY = definitions(COURSES / "service-needs-check")["service-needs-check"]
DIAGNOSTIC = definitions(COURSES / "questioning-skills")["questioning-skills-diagnostic"]
TAG = re.compile(r"^(competency|system|wellbeing):[a-z0-9][a-z0-9-]*$")
SCIM_USER = ["urn:ietf:params:scim:schemas:core:2.0:User"]
SCIM_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
TEAM_EXTENSION = "urn:lms:params:scim:schemas:extension:team:2.0:Group"
RELEASED = "lms.assessment.survey.released.v1"
PARTICIPATED = "lms.assessment.survey.participated.v1"


def answers(i: int) -> list[dict[str, Any]]:
    """Respondent `i`'s answers: different for every i below 10."""
    found = []
    for k, item in enumerate(SURVEY["items"]):
        if item["kind"] == "likert":
            found.append({"item_id": item["id"], "value": 1 + (i + k * (i // 5 + 1)) % 5})
        else:
            found.append({"item_id": item["id"], "option_ids": [item["options"][(2 * i + 1) % 5]["id"]]})
    return found


def scores_of(i: int) -> dict[str, float]:
    """What respondent `i`'s answers score per `measures` tag (mean of the items' 0..1 values)."""
    given = {a["item_id"]: a for a in answers(i)}
    values: dict[str, list[float]] = {}
    for item in SURVEY["items"]:
        answer = given[item["id"]]
        if item["kind"] == "likert":
            value = (answer["value"] - 1) / (item["scale"] - 1)
        else:
            value = next(o["value"] for o in item["options"] if o["id"] == answer["option_ids"][0])
        values.setdefault(item["measures"], []).append(value)
    return {tag: round(sum(v) / len(v), 4) for tag, v in values.items()}


def weak_on_impact(weak: bool) -> list[dict[str, Any]]:
    """The diagnostic answered well, except (when `weak`) on asking about impact."""
    best, worst = responses(DIAGNOSTIC, best=True), responses(DIAGNOSTIC, best=False)
    impact = {i["id"] for i in DIAGNOSTIC["items"] if i["competency"] == "asking-about-impact"}
    return [w if weak and b["item_id"] in impact else b for b, w in zip(best, worst, strict=True)]


def vector_key(scores: dict[str, float]) -> tuple:
    return tuple(sorted((tag, round(float(v), 4)) for tag, v in scores.items()))


@dataclass
class Record:
    """One Kafka record as a reader of the topic sees it."""

    topic: str
    partition: int
    offset: int
    timestamp: int
    key: str
    headers: dict[str, str]
    value: Any
    raw: str

    @property
    def type(self) -> str:
        return self.headers.get("ce_type", "")

    def answer_vectors(self) -> list[dict[str, float]]:
        """Every object in the value whose keys are all `measures` tags with numbers: one person's answers."""
        found, stack = [], [self.value]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                if node and all(TAG.match(str(k)) and isinstance(v, int | float) for k, v in node.items()):
                    found.append(node)
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
        return found

    def names(self, people: set[str]) -> set[str]:
        text = " ".join([self.key, self.raw, *self.headers.values()])
        return {person for person in people if person in text}


@dataclass
class Story:
    """What was done through the gateway, and what each call answered."""

    suite: Any
    run: str = field(default_factory=lambda: uuid.uuid4().hex[:6])
    statuses: dict[str, int] = field(default_factory=dict)
    respondents: list[str] = field(default_factory=list)
    attempts: dict[str, str] = field(default_factory=dict)
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)
    analyses: dict[str, str] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)
    known: dict[str, str] = field(default_factory=dict)  # SCIM user ids by user name
    manager: str = ""
    team_members: list[str] = field(default_factory=list)

    def prepare(self) -> None:
        with self.suite.client("importer", "author", root=True) as author:
            Importer(author).run(
                [COURSES / "service-needs-check", COURSES / "questioning-skills"], progress=False
            )
            self.ids = {a["slug"]: a["id"] for a in author.get("/api/v1/assessments").json()}
        with self.suite.client(f"admin-{self.run}", "admin") as admin:
            key = admin.post("/api-keys", json={"name": "idp", "roles": ["hr"], "scopes": ["scim"]})
            assert key.status_code == 201, key.text
        self.scim = httpx.Client(
            base_url=f"{self.suite.url}/scim/v2",
            timeout=30,
            headers={"Authorization": f"Bearer {key.json()['key']}", "Content-Type": "application/scim+json"},
        )

    def user(self, name: str) -> str:
        reply = self.scim.post("/Users", json={"schemas": SCIM_USER, "userName": name})
        assert reply.status_code == 201, reply.text
        return reply.json()["id"]

    def team(self, members: list[str], manager: str, known: dict[str, str]) -> str:
        """A SCIM group of `members` (users created when not in `known`); waits until insights has it."""
        for name in [*members, manager]:
            if name not in known:
                known[name] = self.user(name)
        body = {
            "schemas": [SCIM_GROUP, TEAM_EXTENSION],
            "displayName": f"Team {uuid.uuid4().hex[:6]}",
            "members": [{"value": known[m]} for m in members],
            TEAM_EXTENSION: {"manager": {"value": known[manager]}},
        }
        reply = self.scim.post("/Groups", json=body)
        assert reply.status_code == 201, reply.text
        team_id = reply.json()["id"]
        with self.suite.client(manager, "manager") as lead:
            eventually(lambda: lead.get(f"/teams/{team_id}/kpis").status_code == 200, timeout_s=120)
        return team_id

    def open(self, manager: str, team_id: str) -> str:
        now = datetime.now(UTC)
        body = {
            "team_id": team_id,
            "survey_id": self.ids["service-needs-check"],
            "opens_at": (now - timedelta(minutes=1)).isoformat(),
            "closes_at": (now + timedelta(days=14)).isoformat(),
        }
        with self.suite.client(manager, "manager") as lead:
            reply = lead.post("/needs-analyses", json=body)
        assert reply.status_code == 201, reply.text
        return reply.json()["id"]

    def start(self, who: str, analysis_id: str, *roles: str) -> httpx.Response:
        with self.suite.client(who, *(roles or ("learner",))) as http:
            path = f"/assessments/{self.ids['service-needs-check']}/attempts"
            return http.post(path, json={"needs_analysis_id": analysis_id})

    def submit(self, who: str, attempt_id: str, i: int) -> None:
        with self.suite.client(who, "learner") as http:
            reply = http.post(f"/attempts/{attempt_id}/submit", json={"responses": answers(i)})
            assert reply.status_code == 200, reply.text
            assert not {"responses", "result", "scores"} & set(reply.json())

    def diagnose(self, who: str, weak: bool) -> None:
        with self.suite.client(who, "learner") as http:
            Learner(http).take(self.ids["questioning-skills-diagnostic"], weak_on_impact(weak))

    def close(self, manager: str, analysis_id: str, respondents: int) -> dict[str, Any]:
        """Close once every response has been counted; the report once it is frozen."""
        path = f"/needs-analyses/{analysis_id}"
        with self.suite.client(manager, "manager") as lead:
            eventually(lambda: lead.get(path).json()["respondents"] == respondents, timeout_s=180)
            assert lead.post(f"{path}/close").status_code == 200
            return eventually(
                lambda: (r := lead.get(f"{path}/report").json()).get("status") == "closed" and r,
                timeout_s=180,
            )


@pytest.fixture(scope="module")
def story(suite) -> Story:
    """Analysis `first`: eight colleagues, all weak on asking about impact, opened while
    assessment's consumer is down."""
    told = Story(suite)
    told.prepare()
    told.known = {}
    manager = told.manager = f"lead-{told.run}"
    team = told.team_members = [f"{manager}-agent-{i}" for i in range(8)]
    outsider = f"{manager}-colleague"
    told.known[outsider] = told.user(outsider)
    first_team = told.team(team, manager, told.known)

    consumer = suite.processes["assessment-consume"]
    consumer.kill()  # the invitation event waits; the first start must not
    try:
        told.analyses["first"] = first = told.open(manager, first_team)
        early = told.start(team[0], first)
        told.statuses["invitee before the event"] = early.status_code
        told.statuses["outsider"] = told.start(outsider, first).status_code
        told.statuses["manager"] = told.start(manager, first, "learner", "manager").status_code
    finally:
        consumer.start()
    for i, member in enumerate(team):  # the diagnostic first: insights has it when it counts the response
        told.diagnose(member, weak=True)
        started = early if i == 0 else told.start(member, first)
        assert started.status_code == 201, started.text
        told.attempts[member] = started.json()["attempt_id"]
        told.submit(member, told.attempts[member], i)
        told.respondents.append(member)
    told.statuses["second attempt"] = told.start(team[0], first).status_code
    told.reports["first"] = told.close(manager, first, respondents=8)
    return told


@pytest.fixture(scope="module")
def second_report(story: Story) -> dict[str, Any]:
    """Analysis `second`: the same eight, a newcomer strong on impact and four who never took the
    diagnostic; the newcomer and the four answer. Its diagnostics differ from the first's by one."""
    manager, newcomer = story.manager, f"{story.manager}-newcomer"
    fresh = [f"{manager}-fresh-{i}" for i in range(4)]
    second_team = story.team([*story.team_members, newcomer, *fresh], manager, story.known)
    second = story.open(manager, second_team)
    story.diagnose(newcomer, weak=False)
    for i, member in enumerate([newcomer, *fresh]):
        started = story.start(member, second)
        assert started.status_code == 201, started.text
        story.submit(member, started.json()["attempt_id"], i)
    return story.close(manager, second, respondents=5)


def test_only_an_invitee_answers_once_even_before_the_invitation_event_arrives(story):
    assert story.statuses == {
        "invitee before the event": 201,
        "outsider": 403,
        "manager": 403,
        "second attempt": 409,
    }


def every_record(suite) -> list[Record]:
    bootstrap, prefix = suite.env["KAFKA_BOOTSTRAP_SERVERS"], suite.env["LMS_TOPIC_PREFIX"]
    lister = KafkaConsumer(**client_config(bootstrap))
    try:
        topics = sorted(t for t in lister.topics() if t.startswith(prefix))
    finally:
        lister.close()
    found = []
    for topic in topics:
        for r in read_topic(bootstrap, topic):
            raw = r.value.decode() if r.value else ""
            headers = {k: v.decode(errors="replace") for k, v in r.headers or ()}
            key = r.key.decode(errors="replace") if r.key else ""
            found.append(
                Record(
                    topic, r.partition, r.offset, r.timestamp, key, headers, json.loads(raw or "null"), raw
                )
            )
    return found


@pytest.fixture(scope="module")
def records(story) -> list[Record]:
    return every_record(story.suite)


def test_no_record_of_any_topic_lets_a_reader_tell_who_answered_what(story, records):
    people = {*story.respondents, *story.attempts.values()}
    truth = {member: vector_key(scores_of(i)) for i, member in enumerate(story.respondents)}
    first = story.analyses["first"]
    taking_part = sorted(
        (r for r in records if r.type == PARTICIPATED and first in r.raw),
        key=lambda r: r.value["participated_at"],
    )
    answered = [r for r in records if r.answer_vectors()]
    for record in answered:  # one record naming a person beside answers
        assert not record.names(people), f"{record.type} names {record.names(people)} beside answers"
    joined = nearest_in_time(answered, taking_part, truth)
    assert not joined, f"answers alone in a record beside one person's participation in time: {joined}"
    assert not [r for r in records if r.type == "lms.assessment.survey.responded.v1"]

    mine = [r for r in answered if first in r.raw]
    assert len(mine) == 1, (
        f"the analysis's answers are spread over {len(mine)} records: {[r.type for r in mine]}"
    )
    (release,) = mine
    vectors = release.answer_vectors()
    assert sorted(map(vector_key, vectors)) == sorted(truth.values()), "the release holds exactly the answers"
    assert all(set(v) == set(vectors[0]) for v in vectors), "no answer carries a tag the others lack"
    assert release.type == RELEASED
    assert release.key == first

    assert [r.key for r in taking_part] == story.respondents
    assert release.timestamp >= taking_part[-1].timestamp, "the release comes after everyone took part"
    shared = {release.headers.get("ce_requestid"), release.headers.get("traceparent")} - {None}
    assert not shared & {v for r in taking_part for v in r.headers.values()}, (
        "a header links the release to a person"
    )
    in_order = [truth[r.key] for r in taking_part]
    released_order = [vector_key(v) for v in release.value["surveys"][0]["responses"]]
    assert released_order not in (in_order, in_order[::-1]), "the answers keep the order people took part in"


def nearest_in_time(answered: list[Record], taking_part: list[Record], truth: dict[str, tuple]) -> list[str]:
    """Who is given away by pairing a record holding one person's answers with the participation
    written closest to it in time (as consecutive outbox rows of one transaction once were)."""
    moment = {r.key: datetime.fromisoformat(r.headers["ce_time"]) for r in taking_part}
    given_away = []
    for record in answered:
        vectors = record.answer_vectors()
        if len(vectors) != 1 or "ce_time" not in record.headers or not moment:
            continue
        at = datetime.fromisoformat(record.headers["ce_time"])
        person = min(moment, key=lambda p: abs(moment[p] - at))
        if truth.get(person) == vector_key(vectors[0]):
            given_away.append(person)
    return given_away


def test_no_log_line_or_metric_carries_an_answer_or_names_a_respondent(story, records):
    tags = {tag for item in SURVEY["items"] for tag in [item["measures"]]}
    lines = [line for log in sorted(story.suite.logs.glob("*.log")) for line in log.read_text().splitlines()]
    assert len(lines) > 20, "every process logged (at INFO, as in production)"
    for line in lines:
        assert not any(tag in line for tag in tags), f"a log line carries an answer: {line[:300]}"
        assert '"scores"' not in line, line[:300]
    people = {*story.respondents, *story.attempts.values()}
    admin = {"Authorization": f"Bearer {story.suite.token('ops', 'admin')}"}
    urls = [story.suite.url, *(story.suite.env[f"LMS_{s.upper()}_URL"] for s in ("assessment", "insights"))]
    for url in urls:
        metrics = httpx.get(f"{url}/metrics", headers=admin, timeout=30)
        assert metrics.status_code == 200, url
        assert not {p for p in people | set(story.analyses.values()) if p in metrics.text}, url


def test_the_report_is_frozen_from_the_released_responses_rounded_to_whole_percent(story):
    report = story.reports["first"]
    assert (report["suppressed"], report["respondents"], report["invited"]) == (False, 8, 8)
    figures = [c[k] for c in report["causes"] for k in ("share", "strength")]
    assert figures
    assert all(round(f, 2) == f for f in figures), figures
    (gap,) = [g for g in report["skill_gaps"] if g["competency"] == "asking-about-impact"]
    assert (gap["diagnostic_share_below"], gap["members_assessed"]) == (1.0, 8)


def test_a_second_analysis_one_person_apart_does_not_give_that_person_away(second_report):
    report = second_report
    assert report["suppressed"] is True, (
        "its skill gaps minus the first report's would show the newcomer's result"
    )
    assert report["status"] == "closed"
    assert "earlier report" in report["reason"]
    assert not {"causes", "skill_gaps", "system_causes", "verdict"} & set(report)
