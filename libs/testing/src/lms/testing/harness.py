"""One service under test on the real servers: a migrated database of its own, topics with a
unique prefix, tokens its app accepts, its inbox consumer and its outbox relay.

Each service's integration conftest names its definition and test secret once:

    harness = harness_fixture(DEFINITION, JWT, topics=("curriculum", "assessment"))

and builds its own fixtures (apps, clients, worlds) on the `harness` fixture.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import Engine, select

from lms.kit.auth import mint_token
from lms.kit.cloudevents import CloudEvent
from lms.kit.config import JwtSettings, Settings
from lms.kit.db import make_engine
from lms.kit.inbox import InboxConsumer
from lms.kit.kafka_admin import TopicSpec, ensure_topics
from lms.kit.messaging import inbox, outbox
from lms.kit.migrations import upgrade
from lms.kit.relay import OutboxRelay
from lms.kit.service import ServiceDefinition, consumer_for
from lms.testing.events import read_events, send_event
from lms.testing.infra import KafkaServer


@dataclass
class ServiceHarness:
    """A migrated service on real PostgreSQL and Kafka, and what its tests do with it."""

    definition: ServiceDefinition
    settings: Settings
    _engine: Engine | None = None
    _consumers: list[InboxConsumer] = field(default_factory=list)

    @classmethod
    def start(
        cls, definition: ServiceDefinition, database_url: str, bootstrap: str, prefix: str, jwt: JwtSettings
    ) -> ServiceHarness:
        """Migrate `database_url` to head and name the service's topics with `prefix`."""
        upgrade(database_url, definition.migrations)
        settings = Settings(
            service=definition.name,
            database_url=database_url,
            kafka_bootstrap=bootstrap,
            topic_prefix=prefix,
            jwt=jwt,
        )
        return cls(definition, settings)

    def app(self, **options: Any) -> Flask:
        """The service's Flask app over this database (options go to its app factory)."""
        return self.definition.create_app(self.settings, **options)

    def token(self, sub: str, *roles: str, **claims: Any) -> str:
        """A bearer token for `sub` with `roles` (`name=`, `extra=` as `mint_token` takes them)."""
        return mint_token(self.settings.jwt, sub, list(roles), **claims)

    def bearer(self, sub: str, *roles: str, **claims: Any) -> dict[str, str]:
        """The Authorization header of `token(...)`."""
        return {"Authorization": "Bearer " + self.token(sub, *roles, **claims)}

    @property
    def engine(self) -> Engine:
        """One engine on the service's database for the test (disposed at the end)."""
        if self._engine is None:
            self._engine = make_engine(self.settings.database_url)
        return self._engine

    def ensure_topics(self, services: Iterable[str], partitions: int = 6) -> None:
        """Create the event topics of `services` under this test's prefix."""
        specs = [TopicSpec(self.settings.topic_of(service), partitions) for service in services]
        ensure_topics(self.settings.kafka_bootstrap, specs)

    def consumer(self) -> InboxConsumer:
        """The service's inbox consumer, as `python -m lms.<service> consume` builds it."""
        found = consumer_for(self.definition, self.settings)
        self._consumers.append(found)
        return found

    def send(self, producer: str, event: CloudEvent, key: str) -> CloudEvent:
        """Publish `event` on `producer`'s topic as that service would."""
        send_event(self.settings.kafka_bootstrap, self.settings.topic_of(producer), event, key)
        return event

    def own_events(self, event_type: str | None = None) -> list[CloudEvent]:
        """Relay what the outbox holds, then read the service's own topic back from Kafka."""
        OutboxRelay(self.engine, self.settings.kafka_bootstrap).publish_batch()
        events = read_events(self.settings.kafka_bootstrap, self.settings.topic)
        return [event for event in events if event_type is None or event.type == event_type]

    def emitted(self, event_type: str | None = None) -> list[dict[str, Any]]:
        """The outbox's payloads (of one event type, or all) in the order written, each with its `type`."""
        query = select(outbox.c.event_type, outbox.c.payload).order_by(outbox.c.id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        wanted = [row for row in rows if event_type is None or row.event_type == event_type]
        return [{"type": row.event_type, **json.loads(row.payload)} for row in wanted]

    def applied(self, event_ids: set[str]) -> set[str]:
        """Which of `event_ids` the service's consumer group has recorded in its inbox."""
        query = select(inbox.c.event_id).where(
            inbox.c.consumer_group == self.settings.consumer_group, inbox.c.event_id.in_(event_ids)
        )
        with self.engine.connect() as conn:
            return set(conn.scalars(query))

    def drain(self, consumer: InboxConsumer, event_ids: set[str], timeout_s: float = 120) -> None:
        """Poll until every one of `event_ids` is applied (a condition, not a count of empty polls:
        a slow group join must not end the wait)."""
        deadline = time.monotonic() + timeout_s
        while True:
            consumer.poll_once(timeout_ms=300)
            missing = event_ids - self.applied(event_ids)
            if not missing:
                return
            assert time.monotonic() < deadline, f"{len(missing)} sent events were never applied"

    def close(self) -> None:
        for consumer in self._consumers:
            consumer.close()
        if self._engine is not None:
            self._engine.dispose()


def harness_fixture(
    definition: ServiceDefinition, jwt: JwtSettings, topics: Iterable[str] = ()
) -> Callable[..., Iterator[ServiceHarness]]:
    """A `harness` fixture for a conftest: the service on a fresh database, `topics` created."""
    wanted = tuple(topics)

    @pytest.fixture
    def harness(pg_url: str, kafka: KafkaServer, unique: Callable[[str], str]) -> Iterator[ServiceHarness]:
        found = ServiceHarness.start(definition, pg_url, kafka.bootstrap, f"{unique('it')}.", jwt)
        if wanted:
            found.ensure_topics(wanted)
        yield found
        found.close()

    return harness
