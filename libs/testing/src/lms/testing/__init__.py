"""pytest plugin of the suite (loaded with `-p lms.testing`): real Kafka and PostgreSQL.

Where they come from, in order:
- `KAFKA_BOOTSTRAP_SERVERS` / `LMS_TEST_POSTGRES_URL`: servers you run; nothing is started
  (your brokers authenticate and authorise as the local ones do, with the same passwords);
- `LMS_TEST_DOCKER=1` with a Docker engine that answers: testcontainers for PostgreSQL;
- `KAFKA_CLUSTER=1`: the local three-node Kafka cluster (19192-19194) instead of one broker;
- otherwise the local launchers `infra/kafka/kafka.sh` and `infra/postgres/pg.sh`, on ports of
  their own (19092, 55439; `LMS_TEST_KAFKA_PORT`, `LMS_TEST_PG_PORT` to move them) so a running
  `make run` suite is never touched.
A test that needs three brokers whatever the session runs on asks for `kafka_cluster`.
Every Kafka client authenticates (SASL/SCRAM) and the brokers allow only what
infra/kafka/access.toml declares: the test process acts as the brokers' super user, and a test
that runs services as processes gives each its own principal (`kafka.process_env(service)`)
and their ACLs on its topics (`kafka.granted(prefix)`; see `lms.testing.infra`).
Every run gets a unique id; topics, groups and databases carry it, so runs never collide.
A service's integration conftest defines `harness = harness_fixture(DEFINITION, JWT)`
(`lms.testing.harness`); `settings`, `engine` and `clock` below then serve that service.
Tests run as dev (`LMS_ENV=dev`, set here once for the test process and every process it
starts): loopback webhook receivers, short test secrets. Production is the default elsewhere.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine

from lms.kit.config import Settings
from lms.testing.clients import Clock
from lms.testing.harness import ServiceHarness
from lms.testing.infra import (
    KafkaCluster,
    KafkaServer,
    PostgresServer,
    start_kafka,
    start_kafka_cluster,
    start_postgres,
)


def pytest_configure(config: pytest.Config) -> None:
    """Every test, and every service process a test starts, runs as dev."""
    os.environ["LMS_ENV"] = "dev"


@pytest.fixture(scope="session")
def run_id() -> str:
    """Short id of this test run, part of every topic, group and database name."""
    return uuid.uuid4().hex[:8]


@pytest.fixture(scope="session")
def kafka(request: pytest.FixtureRequest) -> Iterator[KafkaServer]:
    """A real Kafka broker for the session."""
    server = start_kafka(request.config.rootpath)
    yield server
    server.close()


@pytest.fixture(scope="session")
def kafka_cluster(request: pytest.FixtureRequest) -> Iterator[KafkaCluster]:
    """The local three-node cluster (the same one `KAFKA_CLUSTER=1` runs the session on)."""
    cluster = start_kafka_cluster(request.config.rootpath)
    yield cluster
    cluster.close()


@pytest.fixture(scope="session")
def postgres(request: pytest.FixtureRequest) -> Iterator[PostgresServer]:
    """A real PostgreSQL server for the session."""
    server = start_postgres(request.config.rootpath)
    yield server
    server.close()


@pytest.fixture
def unique() -> Callable[[str], str]:
    """`unique("orders")` -> `"orders-3f2a9c1b"`: a name no other test or run uses."""
    return lambda name: f"{name}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def pg_url(postgres: PostgresServer, run_id: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"t_{run_id}_{uuid.uuid4().hex[:8]}"
    url = postgres.create_database(name)
    yield url
    postgres.drop_database(name)


@pytest.fixture
def settings(harness: ServiceHarness) -> Settings:
    """The settings of the service under test (its conftest's `harness`)."""
    return harness.settings


@pytest.fixture
def engine(harness: ServiceHarness) -> Engine:
    """An engine on the service's test database, disposed after the test."""
    return harness.engine


@pytest.fixture
def clock() -> Clock:
    """A clock the test moves forward (`clock.advance(5)`, `clock.advance(days=3)`)."""
    return Clock()
