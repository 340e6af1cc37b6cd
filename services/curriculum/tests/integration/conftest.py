from __future__ import annotations

from dataclasses import dataclass

import pytest
from flask.testing import FlaskClient

from lms.curriculum.app import create_app
from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings, Settings
from lms.kit.db import make_engine
from lms.kit.kafka_admin import TopicSpec, ensure_topics
from lms.kit.migrations import packaged, upgrade
from lms.kit.relay import OutboxRelay
from lms.kit.testing.events import read_events

MIGRATIONS = packaged("lms.curriculum")
JWT = JwtSettings(secret="curriculum-test-secret-0123456789")


@dataclass
class Curriculum:
    client: FlaskClient
    settings: Settings

    def as_(self, sub: str, *roles: str, **headers: str) -> dict[str, str]:
        return {"Authorization": "Bearer " + mint_token(JWT, sub, list(roles)), **headers}

    def published_events(self) -> list:
        """Publish what the outbox holds, then read the topic back from Kafka."""
        OutboxRelay(make_engine(self.settings.database_url), self.settings.kafka_bootstrap).publish_batch()
        return read_events(self.settings.kafka_bootstrap, self.settings.topic)


@pytest.fixture
def curriculum(pg_url, kafka, unique) -> Curriculum:
    settings = Settings(
        service="curriculum",
        database_url=pg_url,
        kafka_bootstrap=kafka.bootstrap,
        topic_prefix=unique("t") + ".",
        jwt=JWT,
    )
    upgrade(pg_url, MIGRATIONS)
    ensure_topics(
        kafka.bootstrap, [TopicSpec(settings.topic, 6), TopicSpec(settings.topic_of("assessment"), 6)]
    )
    app = create_app(settings, environ={"LMS_ASSESSMENT_URL": "off"})
    return Curriculum(app.test_client(), settings)
