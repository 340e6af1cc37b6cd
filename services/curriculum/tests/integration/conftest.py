"""Fixtures for the curriculum service against real PostgreSQL and Kafka."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from flask.testing import FlaskClient

from lms.curriculum.definition import DEFINITION
from lms.kit.cloudevents import CloudEvent
from lms.kit.config import JwtSettings, Settings
from lms.testing.harness import ServiceHarness, harness_fixture

JWT = JwtSettings(secret="curriculum-test-secret-0123456789")

harness = harness_fixture(DEFINITION, JWT, topics=("curriculum", "assessment"))


@dataclass
class Curriculum:
    client: FlaskClient
    harness: ServiceHarness

    @property
    def settings(self) -> Settings:
        return self.harness.settings

    def as_(self, sub: str, *roles: str, **headers: str) -> dict[str, str]:
        return {**self.harness.bearer(sub, *roles), **headers}

    def published_events(self) -> list[CloudEvent]:
        """Publish what the outbox holds, then read the topic back from Kafka."""
        return self.harness.own_events()


@pytest.fixture
def curriculum(harness: ServiceHarness) -> Curriculum:
    app = harness.app(environ={"LMS_ASSESSMENT_URL": "off"})
    return Curriculum(app.test_client(), harness)
