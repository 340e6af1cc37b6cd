from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
from flask.testing import FlaskClient

from lms.kit.cloudevents import CloudEvent
from lms.kit.config import JwtSettings, Settings
from lms.kit.inbox import InboxConsumer
from lms.progress.definition import DEFINITION
from lms.testing.clients import Clock as SimClock
from lms.testing.harness import ServiceHarness, harness_fixture

JWT = JwtSettings(secret="progress-test-secret-0123456789ab")

harness = harness_fixture(DEFINITION, JWT, topics=("curriculum", "assessment", "people", "progress"))


@pytest.fixture(autouse=True)
def events_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Progress learns courses from the events these tests send; reading curriculum (on by default,
    at its local address) is what test_read_your_writes.py plays with a curriculum of its own."""
    monkeypatch.setenv("LMS_CURRICULUM_URL", "off")


def course_event(course_id: str, version: int, modules: list[dict], title: str = "Emotional coping") -> dict:
    """A course.published payload; modules: [{"id", "lessons": [ids], "assessment_id", "required"}]."""
    return {
        "course_id": course_id,
        "slug": f"course-{course_id[:8]}",
        "title": title,
        "summary": "",
        "topics": [],
        "competencies": [],
        "version": version,
        "published_at": datetime.now(UTC).isoformat(),
        "modules": [
            {
                "module_id": m["id"],
                "key": m["id"],
                "position": p,
                "title": m["id"].upper(),
                "required": m.get("required", True),
                "competencies": [],
                "assessment_id": m.get("assessment_id"),
                "lessons": [
                    {
                        "lesson_id": lid,
                        "key": lid,
                        "position": n,
                        "title": lid,
                        "kind": "text",
                        "duration_min": 5,
                        "competencies": [],
                    }
                    for n, lid in enumerate(m["lessons"])
                ],
            }
            for p, m in enumerate(modules)
        ],
    }


@dataclass
class World:
    client: FlaskClient
    harness: ServiceHarness
    consumer: InboxConsumer
    sent: list[CloudEvent] = field(default_factory=list)

    @property
    def settings(self) -> Settings:
        return self.harness.settings

    def token(self, sub: str, *roles: str) -> dict[str, str]:
        return self.harness.bearer(sub, *roles, name=sub.title())

    def send(
        self, service: str, event_type: str, data: dict, key: str, event: CloudEvent | None = None
    ) -> CloudEvent:
        event = event or CloudEvent.new(event_type, f"/{service}", data, subject=key)
        self.sent.append(self.harness.send(service, event, key))
        return event

    def drain(self, timeout_s: float = 120) -> None:
        """Apply everything sent so far: poll until every sent event is recorded in the inbox."""
        self.harness.drain(self.consumer, {event.id for event in self.sent}, timeout_s)

    def publish_course(self, course_id: str, version: int, modules: list[dict], **fields) -> None:
        self.send(
            "curriculum",
            "lms.curriculum.course.published.v1",
            course_event(course_id, version, modules, **fields),
            course_id,
        )
        self.drain()

    def grade(
        self,
        learner: str,
        assessment_id: str,
        passed: bool = True,
        percent: float = 0.9,
        attempt_id: str | None = None,
        event: CloudEvent | None = None,
    ) -> CloudEvent:
        data = {
            "attempt_id": attempt_id or str(uuid.uuid4()),
            "learner_id": learner,
            "assessment_id": assessment_id,
            "assessment_version": 1,
            "assessment_kind": "quiz",
            "score": percent * 10,
            "max_score": 10,
            "percent": percent,
            "passed": passed,
            "competency_scores": {},
            "submitted_at": datetime.now(UTC).isoformat(),
        }
        return self.send("assessment", "lms.assessment.attempt.graded.v1", data, learner, event)

    def enrol(self, learner: str, course_id: str, **body) -> dict:
        response = self.client.post(
            "/api/v1/enrolments",
            json={"course_id": course_id, **body},
            headers=self.token(learner, "learner"),
        )
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    def complete(self, learner: str, enrolment_id: str, lesson_id: str) -> dict:
        response = self.client.post(
            f"/api/v1/enrolments/{enrolment_id}/lessons/{lesson_id}/complete",
            headers=self.token(learner, "learner"),
        )
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    def own_events(self, event_type: str | None = None) -> list[CloudEvent]:
        return self.harness.own_events(event_type)


@pytest.fixture
def world(harness: ServiceHarness) -> World:
    return World(harness.app().test_client(), harness, harness.consumer())


@dataclass
class Org:
    """Managers, their reports in teams, and a one-lesson course, sent as the directory would."""

    world: World
    tag: str
    course_id: str
    lesson_id: str
    clock: SimClock

    def id(self, name: str) -> str:
        return f"{name}-{self.tag}"

    def person(self, name: str, manager: str | None = None) -> None:
        data = {
            "user_id": str(uuid.uuid5(uuid.NAMESPACE_URL, self.id(name))),
            "learner_id": self.id(name),
            "display_name": name.title(),
            "manager_learner_id": self.id(manager) if manager else None,
            "active": True,
            "occurred_at": datetime.now(UTC).isoformat(),
        }
        self.world.send("people", "lms.people.user.provisioned.v1", data, data["user_id"])

    def deactivate(self, name: str) -> None:
        data = {
            "user_id": str(uuid.uuid5(uuid.NAMESPACE_URL, self.id(name))),
            "learner_id": self.id(name),
            "deleted": False,
            "occurred_at": datetime.now(UTC).isoformat(),
        }
        self.world.send("people", "lms.people.user.deactivated.v1", data, data["user_id"])

    def team(self, name: str, members: list[str], manager: str) -> str:
        data = {
            "team_id": self.id(name),
            "display_name": name.title(),
            "members": [self.id(m) for m in members],
            "manager_learner_id": self.id(manager),
            "deleted": False,
            "occurred_at": datetime.now(UTC).isoformat(),
        }
        self.world.send("people", "lms.people.team.changed.v1", data, data["team_id"])
        return data["team_id"]

    def assign(self, team: str, **policy) -> dict:
        body = {"course_id": self.course_id, "team_id": self.id(team), **policy}
        reply = self.world.client.post(
            "/api/v1/assignments", json=body, headers=self.world.token("hr1", "hr")
        )
        assert reply.status_code == 201, reply.get_json()
        return reply.get_json()


@pytest.fixture
def compliance_org(world) -> Org:
    """A simulated clock on the app's context (at noon, 2030-01-01) and a published course."""
    ctx = world.client.application.extensions["lms.progress"]
    clock = SimClock(datetime(2030, 1, 1, 12, tzinfo=UTC))
    ctx.clock = clock
    course_id, tag = str(uuid.uuid4()), uuid.uuid4().hex[:8]
    world.publish_course(course_id, 1, [{"id": f"m-{tag}", "lessons": [f"l-{tag}"]}], title="Conduct")
    return Org(world, tag, course_id, f"l-{tag}", clock)
