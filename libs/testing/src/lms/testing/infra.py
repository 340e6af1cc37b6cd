"""Start (or find) the real servers the integration tests use."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

from lms.kit.kafka_admin import active_controller, fully_replicated, wait_ready, wait_until

# Ports of the servers the tests start; a second checkout testing on the same machine at the same
# time picks others (LMS_TEST_KAFKA_PORT, LMS_TEST_KAFKA_CLUSTER_PORT, LMS_TEST_PG_PORT).
TEST_KAFKA_PORT = os.environ.get("LMS_TEST_KAFKA_PORT", "19092")
# nodes 1-3 on 19192-19194 (controllers 19292-19294)
TEST_KAFKA_CLUSTER_PORT = int(os.environ.get("LMS_TEST_KAFKA_CLUSTER_PORT", "19192"))
TEST_PG_PORT = os.environ.get("LMS_TEST_PG_PORT", "55439")


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

    def _launcher(self, *command: str) -> None:
        assert self.repo is not None, "this broker was not started by the tests"
        subprocess.run([str(self.repo / "infra/kafka/kafka.sh"), *command], env=self.env, check=True)

    def stop(self) -> None:
        self._launcher("stop")

    def start(self) -> None:
        self._launcher("start")

    def close(self) -> None:
        if self.container is not None:
            self.container.stop()
        # A broker from the local launcher keeps running for the next test run (it is cheap
        # to reuse, slow to start); `make kafka-test-down` stops it.


class KafkaCluster(KafkaServer):
    """The local three-node KRaft cluster (`KAFKA_CLUSTER=1 infra/kafka/kafka.sh`): each node is a
    broker and a controller; a test may SIGKILL one node and start it again."""

    nodes = (1, 2, 3)
    started_here: bool = False

    def close(self) -> None:
        """Stop the cluster when this run started it: three idle JVMs are not free on a laptop."""
        if self.started_here:
            self.stop()

    def kill_node(self, node: int) -> None:
        """SIGKILL one node: no controlled shutdown, no leadership handed over."""
        self._launcher("node-kill", str(node))

    def start_node(self, node: int) -> None:
        self._launcher("node-start", str(node))

    def node_bootstrap(self, node: int) -> str:
        """The client address of one node (the cluster's bootstrap lists node 1, 2, 3 in order)."""
        return self.bootstrap.split(",")[self.nodes.index(node)]

    def active_controller(self) -> int:
        """The node that leads the KRaft metadata quorum now."""
        return active_controller(self.bootstrap)

    def wait_in_sync(self, topics: list[str], timeout_s: float = 180) -> None:
        """Until every node is back and every partition of `topics` has all replicas in sync.

        Each node is asked on its own address: right after a SIGKILL the quorum still lists the
        dead node as a live broker, and its replicas as in sync, until its session times out."""
        for node in self.nodes:
            wait_ready(self.node_bootstrap(node), timeout_s, brokers=len(self.nodes))
        wait_until(
            self.bootstrap, lambda admin: fully_replicated(admin, topics), timeout_s, "replicas in sync"
        )


def start_kafka_cluster(repo: Path) -> KafkaCluster:
    """The local cluster, started when it is not running (and then stopped by `close()`)."""
    env = {
        **os.environ,
        "KAFKA_CLUSTER": "1",
        "KAFKA_CLUSTER_PORT": str(TEST_KAFKA_CLUSTER_PORT),
        "KAFKA_TOPICS_FILE": "/dev/null",
    }
    env.pop("KAFKA_BOOTSTRAP_SERVERS", None)
    bootstrap = ",".join(f"127.0.0.1:{TEST_KAFKA_CLUSTER_PORT + n - 1}" for n in KafkaCluster.nodes)
    cluster = KafkaCluster(bootstrap, repo=repo, env=env)
    status = subprocess.run([str(repo / "infra/kafka/kafka.sh"), "status"], env=env, capture_output=True)
    cluster.started_here = status.returncode != 0
    cluster.start()
    return cluster


def start_kafka(repo: Path) -> KafkaServer:
    if external := os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        return KafkaServer(external)
    if os.environ.get("KAFKA_CLUSTER") == "1":
        return start_kafka_cluster(repo)
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
