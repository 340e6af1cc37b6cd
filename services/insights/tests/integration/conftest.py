"""Fixtures for the insights service against real PostgreSQL and Kafka."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from lms.contracts import default_registry
from lms.contracts.events import EventType
from lms.insights.definition import DEFINITION
from lms.kit.cloudevents import CloudEvent
from lms.kit.config import JwtSettings
from lms.testing.clients import ApiClient as Api
from lms.testing.clients import Clock
from lms.testing.harness import ServiceHarness, harness_fixture
from lms.testing.ledger import wait_for

JWT = JwtSettings(secret="insights-integration-secret-0123456789")
PRODUCERS = ("people", "curriculum", "assessment", "progress")

harness = harness_fixture(DEFINITION, JWT)


class Bus:
    """Produces other services' events for real (checked against their contracts when declared)
    and runs the insights inbox consumer until a condition holds."""

    def __init__(self, harness: ServiceHarness):
        self.harness = harness
        self.registry = default_registry()
        harness.ensure_topics(PRODUCERS, partitions=3)
        self.consumer = harness.consumer()

    def send(self, event_type: EventType, data: dict[str, Any]) -> CloudEvent:
        if event_type.name in self.registry:
            self.registry.validate(event_type.name, data)
        producer = event_type.name.split(".")[1]
        event = CloudEvent.new(event_type.name, f"/{producer}", data)
        return self.harness.send(producer, event, key=event_type.key_of(data))

    def settle(self, until: Callable[[], bool], timeout_s: float = 60) -> None:
        assert wait_for(lambda: self.consumer.poll_once(timeout_ms=500) >= 0 and until(), timeout_s)
        while self.consumer.poll_once(timeout_ms=300):
            pass


@pytest.fixture
def api(harness: ServiceHarness, clock: Clock) -> Api:
    return Api(harness.app(clock=clock), JWT)


@pytest.fixture
def bus(harness: ServiceHarness) -> Bus:
    return Bus(harness)
