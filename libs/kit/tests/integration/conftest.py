from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine

from lms.kit.db import make_engine, make_session_factory
from lms.kit.kafka_admin import TopicSpec, ensure_topics
from lms.kit.relay import OutboxRelay
from lms.testing import ledger
from lms.testing.infra import KafkaServer, PostgresServer
from lms.testing.proc import running

pytestmark = pytest.mark.integration


@pytest.fixture(params=["sqlite", "postgresql"])
def sessions(request: pytest.FixtureRequest, tmp_path) -> Iterator[Callable]:
    """Sessions on SQLite and on PostgreSQL over the tables of the test module's `metadata`."""
    sqlite = request.param == "sqlite"
    url = f"sqlite:///{tmp_path / 'kit.db'}" if sqlite else request.getfixturevalue("pg_url")
    engine = make_engine(url)
    request.module.metadata.create_all(engine)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.fixture
def topic(kafka: KafkaServer, unique: Callable[[str], str]) -> str:
    name = unique("ledger.events")
    ensure_topics(kafka.bootstrap, [TopicSpec(name, 6)])
    return name


@pytest.fixture
def make_db(postgres: PostgresServer, run_id: str) -> Iterator[Callable[[], Engine]]:
    """Fresh databases with the ledger schema: one for the writer, one for the consumer."""
    created: list[tuple[str, Engine]] = []

    def make() -> Engine:
        name = f"t_{run_id}_{uuid.uuid4().hex[:8]}"
        engine = make_engine(postgres.create_database(name))
        ledger.create_schema(engine)
        created.append((name, engine))
        return engine

    yield make
    for name, engine in created:
        engine.dispose()
        postgres.drop_database(name)


@pytest.fixture
def source(make_db: Callable[[], Engine]) -> Engine:
    return make_db()


@pytest.fixture
def sink(make_db: Callable[[], Engine]) -> Engine:
    return make_db()


@pytest.fixture
def relay_in_thread(source: Engine, kafka: KafkaServer):
    return lambda: running(OutboxRelay(source, kafka.bootstrap).run)


@pytest.fixture
def consumer_in_thread(sink: Engine, kafka: KafkaServer, topic: str, unique: Callable[[str], str]):
    group = unique("ledger")
    return lambda: running(ledger.consumer(sink, kafka.bootstrap, topic, group).run)
