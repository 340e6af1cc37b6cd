"""Start (or find) the real servers the integration tests use."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

TEST_KAFKA_PORT = "19092"
TEST_PG_PORT = "55439"


def docker_wanted() -> bool:
    if os.environ.get("LMS_TEST_DOCKER") != "1" or shutil.which("docker") is None:
        return False
    return subprocess.run(["docker", "info"], capture_output=True, check=False).returncode == 0


@dataclass
class KafkaServer:
    """A broker the tests may use; `stop()`/`start()` work when this run launched it."""

    bootstrap: str
    repo: Path | None = None
    env: dict[str, str] = field(default_factory=dict)
    container: Any = None

    @property
    def controllable(self) -> bool:
        return self.repo is not None

    def _launcher(self, command: str) -> None:
        assert self.repo is not None, "this broker was not started by the tests"
        subprocess.run([str(self.repo / "infra/kafka/kafka.sh"), command], env=self.env, check=True)

    def stop(self) -> None:
        self._launcher("stop")

    def start(self) -> None:
        self._launcher("start")

    def close(self) -> None:
        if self.container is not None:
            self.container.stop()
        # A broker from the local launcher keeps running for the next test run (it is cheap
        # to reuse, slow to start); `make kafka-test-down` stops it.


def start_kafka(repo: Path) -> KafkaServer:
    if external := os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        return KafkaServer(external)
    if docker_wanted():
        from testcontainers.kafka import KafkaContainer

        container = KafkaContainer("apache/kafka:4.1.1").with_kraft()
        container.start()
        return KafkaServer(container.get_bootstrap_server(), container=container)
    env = {
        **os.environ,
        "KAFKA_PORT": TEST_KAFKA_PORT,
        "KAFKA_DIR": str(repo / ".run/kafka-test"),
        "KAFKA_TOPICS_FILE": "/dev/null",
        "KAFKA_HEAP": os.environ.get("KAFKA_HEAP", "1g"),  # every test makes its own topics
    }
    server = KafkaServer(f"127.0.0.1:{TEST_KAFKA_PORT}", repo=repo, env=env)
    server.start()
    return server


@dataclass
class PostgresServer:
    """An admin URL to a PostgreSQL server, and databases created on it."""

    admin_url: str
    container: Any = None

    def url(self, database: str) -> str:
        return self.admin_url.rsplit("/", 1)[0] + f"/{database}"

    def create_database(self, name: str) -> str:
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        if self.container is not None:
            self.container.stop()


def start_postgres(repo: Path) -> PostgresServer:
    if external := os.environ.get("LMS_TEST_POSTGRES_URL"):
        return PostgresServer(external)
    if docker_wanted():
        from testcontainers.postgres import PostgresContainer

        container = PostgresContainer("postgres:16-alpine", driver=None)
        container.start()
        return PostgresServer(container.get_connection_url(), container=container)
    env = {**os.environ, "PG_PORT": TEST_PG_PORT}
    subprocess.run([str(repo / "infra/postgres/pg.sh"), "start"], env=env, check=True)
    return PostgresServer(f"postgresql://postgres@127.0.0.1:{TEST_PG_PORT}/postgres")
