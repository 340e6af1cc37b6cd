"""Fixtures for the insights service against real PostgreSQL and Kafka."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import Engine

from lms.contracts import default_registry
from lms.contracts.events import EventType
from lms.insights.app import create_app
from lms.insights.definition import DEFINITION, MIGRATIONS_DIR
from lms.kit.auth import mint_token
from lms.kit.cloudevents import CloudEvent
from lms.kit.config import JwtSettings, Settings
from lms.kit.db import make_engine
from lms.kit.kafka_admin import TopicSpec, ensure_topics
from lms.kit.migrations import upgrade
from lms.kit.service import consumer_for
from lms.kit.testing.events import send_event
from lms.kit.testing.infra import KafkaServer
from lms.kit.testing.ledger import wait_for

JWT = JwtSettings(secret="insights-integration-secret-0123456789")
PRODUCERS = ("people", "curriculum", "assessment", "progress")


class Clock:
    """A clock the test moves forward."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        with self._lock:
            self.now += timedelta(**delta)


class Api:
    """The Flask test client with tokens: `api.get(path, who=("ann", "learner"))`."""

    def __init__(self, app: Flask):
        self.app = app
        self.replies: list[tuple[str, str, Any]] = []  # every JSON reply, for the confidentiality walk

    def call(self, method: str, path: str, who: tuple[str, ...], headers: dict | None = None, **kwargs: Any):
        sub, *roles = who
        token = {"Authorization": "Bearer " + mint_token(JWT, sub, roles)}
        reply = self.app.test_client().open(
            "/api/v1" + path, method=method, headers={**token, **(headers or {})}, **kwargs
        )
        if reply.is_json:
            self.replies.append((method, path, reply.get_json()))
        return reply

    def get(self, path: str, who: tuple[str, ...], **kwargs: Any):
        return self.call("GET", path, who, **kwargs)

    def post(self, path: str, who: tuple[str, ...], **kwargs: Any):
        return self.call("POST", path, who, **kwargs)


class Bus:
    """Produces other services' events for real (checked against their contracts when declared)
    and runs the insights inbox consumer until a condition holds."""

    def __init__(self, settings: Settings, bootstrap: str):
        self.settings = settings
        self.bootstrap = bootstrap
        self.registry = default_registry()
        ensure_topics(bootstrap, [TopicSpec(settings.topic_of(p), 3) for p in PRODUCERS])
        self.consumer = consumer_for(DEFINITION, settings)

    def send(self, event_type: EventType, data: dict[str, Any]) -> CloudEvent:
        if event_type.name in self.registry:
            self.registry.validate(event_type.name, data)
        producer = event_type.name.split(".")[1]
        event = CloudEvent.new(event_type.name, f"/{producer}", data)
        send_event(self.bootstrap, self.settings.topic_of(producer), event, key=event_type.key_of(data))
        return event

    def settle(self, until: Callable[[], bool], timeout_s: float = 60) -> None:
        assert wait_for(lambda: self.consumer.poll_once(timeout_ms=500) >= 0 and until(), timeout_s)
        while self.consumer.poll_once(timeout_ms=300):
            pass


@pytest.fixture
def settings(pg_url: str, kafka: KafkaServer, unique: Callable[[str], str]) -> Settings:
    upgrade(pg_url, MIGRATIONS_DIR)
    return Settings(
        service="insights",
        database_url=pg_url,
        kafka_bootstrap=kafka.bootstrap,
        topic_prefix=f"{unique('it')}.",
        jwt=JWT,
    )


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def api(settings: Settings, clock: Clock) -> Api:
    return Api(create_app(settings, clock=clock))


@pytest.fixture
def bus(settings: Settings, kafka: KafkaServer) -> Iterator[Bus]:
    found = Bus(settings, kafka.bootstrap)
    yield found
    found.consumer.close()


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    found = make_engine(settings.database_url)
    yield found
    found.dispose()
