"""Fixtures for the assessment service against real PostgreSQL (and Kafka where events are read)."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from lms.assessment.app import create_app
from lms.assessment.definition import DEFINITION, MIGRATIONS_DIR
from lms.contracts import default_registry
from lms.contracts.events import NEEDS_ANALYSIS_CLOSED_V2, NEEDS_ANALYSIS_OPENED, EventType
from lms.kit.cloudevents import CloudEvent
from lms.kit.config import JwtSettings, Settings
from lms.kit.migrations import upgrade
from lms.testing.clients import ApiClient as Api
from lms.testing.clients import Clock
from lms.testing.harness import ServiceHarness, harness_fixture

JWT = JwtSettings(secret="assessment-integration-secret-0123456789")
SECRET_KEYS = {"correct", "score", "feedback", "answer", "rubric"}

harness = harness_fixture(DEFINITION, JWT)


OWN_EVENTS_ONLY = {"LMS_INSIGHTS_URL": "off"}  # invitations arrive as events (the read on a miss: tests/e2e)


@pytest.fixture
def api(harness: ServiceHarness, clock: Clock) -> Api:
    return Api(harness.app(clock=clock, environ=OWN_EVENTS_ONLY), JWT)


@pytest.fixture
def events(harness: ServiceHarness) -> Callable[[str], int]:
    """How many outbox rows of one event type exist."""
    return lambda event_type: len(harness.emitted(event_type))


@pytest.fixture
def users(unique: Callable[[str], str]) -> dict[str, tuple[str, ...]]:
    return {
        "author": (unique("author"), "author"),
        "rival": (unique("rival"), "author"),
        "ann": (unique("ann"), "learner"),
        "bob": (unique("bob"), "learner"),
        "hr": (unique("hr"), "hr"),
        "admin": (unique("admin"), "admin"),
    }


def quiz_definition(slug: str, **overrides: Any) -> dict[str, Any]:
    """Ten items: choices, true/false, a scenario, a reflection and a likert self-check."""
    options = [
        {"id": o, "text": f"option {o}", "correct": o == "a", "feedback": f"about {o}"} for o in "abcd"
    ]
    items: list[dict[str, Any]] = [
        {
            "id": f"q{n}",
            "kind": "single_choice",
            "prompt": f"Question {n}?",
            "points": 1,
            "competency": "listening",
            "options": copy.deepcopy(options),
        }
        for n in range(1, 5)
    ]
    items += [
        {
            "id": "q5",
            "kind": "multiple_choice",
            "prompt": "Which apply?",
            "points": 2,
            "competency": "listening",
            "options": [{"id": o, "text": o, "correct": o in "ab", "feedback": f"on {o}"} for o in "abcd"],
        },
        {
            "id": "q6",
            "kind": "true_false",
            "prompt": "True?",
            "points": 1,
            "competency": "boundaries",
            "correct": False,
            "feedback": {"true": "not so", "false": "right"},
        },
        {
            "id": "q7",
            "kind": "true_false",
            "prompt": "Also true?",
            "points": 1,
            "competency": "boundaries",
            "correct": True,
            "feedback": {"true": "yes", "false": "no"},
        },
        copy.deepcopy(SCENARIO),
        {"id": "q9", "kind": "free_text", "prompt": "What would you do differently?", "graded": False},
        {"id": "q10", "kind": "likert", "prompt": "I stay calm.", "scale": 5, "competency": "boundaries"},
    ]
    return {
        "slug": slug,
        "title": "A quiz",
        "kind": "quiz",
        "pass_mark": 0.6,
        "max_attempts": None,
        "time_limit_s": 600,
        "shuffle": True,
        "items": items,
        **overrides,
    }


SCENARIO = {
    "id": "q8",
    "kind": "scenario",
    "prompt": "A customer has been offline for three days and is furious.",
    "competency": "de-escalation",
    "start": "s1",
    "steps": [
        {
            "id": "s1",
            "text": "Customer: Three days!",
            "options": [
                {"id": "o1", "text": "Name the impact", "score": 2, "feedback": "good", "next": "s2"},
                {"id": "o2", "text": "Read the script", "score": 0, "feedback": "cold", "next": None},
                {"id": "o3", "text": "Apologise a lot", "score": 1, "feedback": "ok", "next": "s2"},
            ],
        },
        {
            "id": "s2",
            "text": "Customer: So what now?",
            "options": [
                {"id": "o1", "text": "Book the engineer", "score": 2, "feedback": "good", "next": None},
                {"id": "o2", "text": "Transfer", "score": 0, "feedback": "no", "next": None},
            ],
        },
    ],
}

BEST = [
    {"item_id": "q1", "option_ids": ["a"]},
    {"item_id": "q2", "option_ids": ["a"]},
    {"item_id": "q3", "option_ids": ["b"]},
    {"item_id": "q4", "option_ids": ["a"]},
    {"item_id": "q5", "option_ids": ["a", "c"]},
    {"item_id": "q6", "value": False},
    {"item_id": "q7", "value": True},
    {"item_id": "q8", "option_ids": ["o1", "o1"]},
    {"item_id": "q9", "text": "I would ask what the outage cost them."},
    {"item_id": "q10", "value": 4},
]


@pytest.fixture
def publish(api: Api, users: dict[str, tuple[str, ...]]) -> Callable[[dict[str, Any]], str]:
    """Create and publish a definition; return the assessment id."""

    def make(definition: dict[str, Any]) -> str:
        created = api.post("/assessments", users["author"], json=definition)
        assert created.status_code == 201, created.get_json()
        published = api.post(f"/assessments/{created.get_json()['id']}/publish", users["author"])
        assert published.status_code == 201, published.get_json()
        return created.get_json()["id"]

    return make


@pytest.fixture
def quiz(
    publish: Callable[[dict[str, Any]], str], definition: Callable[..., dict[str, Any]]
) -> Callable[..., str]:
    """A published ten-item quiz (overrides change its settings)."""
    return lambda **overrides: publish(definition(**overrides))


@pytest.fixture
def responses() -> list[dict[str, Any]]:
    return copy.deepcopy(BEST)


def keys_in(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for value in node.values() for k in keys_in(value)}
    if isinstance(node, list):
        return {k for value in node for k in keys_in(value)}
    return set()


@pytest.fixture
def secret_keys() -> Callable[[Any], set[str]]:
    """Keys in a JSON document that would give answers away."""
    return lambda document: keys_in(document) & SECRET_KEYS


@pytest.fixture
def definition(unique: Callable[[str], str]) -> Callable[..., dict[str, Any]]:
    """The ten-item quiz definition with a unique slug (overrides change its settings)."""
    return lambda **overrides: quiz_definition(unique("quiz"), **overrides)


@pytest.fixture
def sqlite_url(tmp_path: Any) -> str:
    url = f"sqlite:///{tmp_path / 'assessment.db'}"
    upgrade(url, MIGRATIONS_DIR)
    return url


@pytest.fixture
def sqlite_api(sqlite_url: str, clock: Clock) -> Api:
    """The same app on an embedded SQLite file (the default outside production), migrated."""
    settings = Settings(service="assessment", database_url=sqlite_url, jwt=JWT)
    return Api(create_app(settings, clock=clock, environ=OWN_EVENTS_ONLY), JWT)


class Insights:
    """Insights as assessment hears it: needs analyses opened and closed on its topic for real,
    applied by assessment's own consumer before the call returns."""

    def __init__(self, harness: ServiceHarness, clock: Clock):
        self.harness, self.clock = harness, clock
        harness.ensure_topics(["curriculum", "insights"], partitions=3)
        self.consumer = harness.consumer()

    def open(self, survey_id: str, invitees: list[str], **extra: Any) -> str:
        """A needs analysis open now for 14 days (`leader_questionnaire_id`, `leader_invitees`)."""
        analysis_id = str(uuid.uuid4())
        self.send(
            NEEDS_ANALYSIS_OPENED,
            {
                "needs_analysis_id": analysis_id,
                "team_id": str(uuid.uuid4()),
                "survey_id": survey_id,
                "leader_questionnaire_id": None,
                "opens_at": iso(self.clock.now - timedelta(minutes=1)),
                "closes_at": iso(self.clock.now + timedelta(days=14)),
                "invitees": invitees,
                "leader_invitees": [],
                **extra,
            },
        )
        return analysis_id

    def close(self, analysis_id: str, survey_id: str, min_group_size: int = 5, **extra: Any) -> CloudEvent:
        return self.send(
            NEEDS_ANALYSIS_CLOSED_V2,
            {
                "needs_analysis_id": analysis_id,
                "team_id": str(uuid.uuid4()),
                "survey_id": survey_id,
                "leader_questionnaire_id": None,
                "closed_at": iso(self.clock.now),
                "invited": 0,
                "min_group_size": min_group_size,
                **extra,
            },
        )

    def send(self, event_type: EventType, data: dict[str, Any]) -> CloudEvent:
        default_registry().validate(event_type.name, data)
        event = CloudEvent.new(event_type.name, "/insights", data)
        self.harness.send("insights", event, key=event_type.key_of(data))
        self.harness.drain(self.consumer, {event.id})
        return event


@pytest.fixture
def insights(harness: ServiceHarness, clock: Clock) -> Insights:
    return Insights(harness, clock)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
