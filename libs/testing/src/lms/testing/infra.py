"""Start (or find) the real servers the integration tests use.

The brokers authenticate every client and enforce infra/kafka/access.toml: the test process acts
as their super user (`admin`, whose password `kafka.sh` made under `.run/kafka-credentials`),
and `KafkaServer.process_env(name)` / `.principal(name)` let a process or a client act as one
service; `KafkaServer.granted(prefix)` gives the services their ACLs on a run's own topics.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

from lms.kit import kafka as security
from lms.kit.kafka_access import Access, load_access
from lms.kit.kafka_admin import active_controller, fully_replicated, wait_ready, wait_until
from lms.kit.kafka_principals import apply_grants, revoke_grants

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
    credentials: Path = field(default_factory=security.credentials_dir)
    access_file: Path = Path("infra/kafka/access.toml")  # the declaration of principals and ACLs

    @property
    def controllable(self) -> bool:
        return self.repo is not None

    def process_env(self, principal: str) -> dict[str, str]:
        """Environment variables that make a process authenticate as `principal` (and as nobody
        else: a password inherited from the test process is dropped by setting the file)."""
        return {
            security.SECURITY_PROTOCOL_VAR: "SASL_PLAINTEXT",
            security.USERNAME_VAR: principal,
            security.PASSWORD_FILE_VAR: str(self.credentials / principal),
        }

    def principal(self, name: str, password: str | None = None) -> dict[str, Any]:
        """Client settings (`make_producer(bootstrap, **server.principal("progress"))`) of `name`,
        with its own password unless `password` says otherwise."""
        return security.principal(name, password or (self.credentials / name).read_text().strip())

    def act_as_admin(self) -> None:
        """Every client this test process builds from now on authenticates as the super user."""
        os.environ.update(self.process_env(security.ADMIN_PRINCIPAL))
        os.environ.pop(security.PASSWORD_VAR, None)

    @contextmanager
    def granted(self, prefix: str, access: Access | None = None) -> Iterator[Access]:
        """The declared ACLs on the topics and groups named with `prefix`, revoked afterwards."""
        declared = access or load_access(self.access_file)
        grants = declared.grants(prefix)
        apply_grants(self.bootstrap, grants)
        try:
            yield declared
        finally:
            revoke_grants(self.bootstrap, grants)

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
    cluster = KafkaCluster(bootstrap, repo=repo, env=env, **_security(repo))
    status = subprocess.run([str(repo / "infra/kafka/kafka.sh"), "status"], env=env, capture_output=True)
    cluster.started_here = status.returncode != 0
    cluster.start()
    cluster.act_as_admin()
    return cluster


def _security(repo: Path) -> dict[str, Path]:
    """The passwords, where kafka.sh keeps them (`$LMS_RUN_DIR/kafka-credentials`, the repo's `.run`
    by default), and the declaration of principals and ACLs."""
    run_dir = Path(os.environ.get("LMS_RUN_DIR", repo / ".run")).resolve()
    return {
        "credentials": run_dir / security.CREDENTIALS_DIR,
        "access_file": repo / "infra/kafka/access.toml",
    }


def start_kafka(repo: Path) -> KafkaServer:
    """The broker of the session (see the plugin's docstring); this process then acts as its admin.

    Brokers of your own (`KAFKA_BOOTSTRAP_SERVERS`) must authenticate as kafka.sh's do: the tests
    read the principals' passwords from `$LMS_RUN_DIR/kafka-credentials` and act as `admin`."""
    if external := os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        server = KafkaServer(external, **_security(repo))
        server.act_as_admin()
        return server
    if os.environ.get("KAFKA_CLUSTER") == "1":
        return start_kafka_cluster(repo)
    env = {
        **os.environ,
        "KAFKA_PORT": TEST_KAFKA_PORT,
        "KAFKA_DIR": str(repo / ".run/kafka-test"),
        "KAFKA_TOPICS_FILE": "/dev/null",
        "KAFKA_HEAP": os.environ.get("KAFKA_HEAP", "1g"),  # every test makes its own topics
    }
    server = KafkaServer(f"127.0.0.1:{TEST_KAFKA_PORT}", repo=repo, env=env, **_security(repo))
    server.start()
    server.act_as_admin()
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
