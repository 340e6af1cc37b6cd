"""Fixtures for the assessment service against real PostgreSQL (and Kafka where events are read)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from lms.assessment.app import create_app
from lms.assessment.definition import DEFINITION, MIGRATIONS_DIR
from lms.kit.config import JwtSettings, Settings
from lms.kit.migrations import upgrade
from lms.testing.clients import ApiClient as Api
from lms.testing.clients import Clock
from lms.testing.harness import ServiceHarness, harness_fixture

JWT = JwtSettings(secret="assessment-integration-secret-0123456789")
SECRET_KEYS = {"correct", "score", "feedback", "answer", "rubric"}

harness = harness_fixture(DEFINITION, JWT)


@pytest.fixture
def api(harness: ServiceHarness, clock: Clock) -> Api:
    return Api(harness.app(clock=clock), JWT)


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
    return Api(create_app(Settings(service="assessment", database_url=sqlite_url, jwt=JWT), clock=clock), JWT)
