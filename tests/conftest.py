"""The whole running suite for tests/e2e and tests/fault: every process real, reached through the gateway.

Kafka (the tests' broker), PostgreSQL (one database per service), gunicorn web processes,
relays, consumers, the webhook dispatcher and the gateway, all as OS processes. Each process
authenticates to Kafka as its own service, with the ACLs infra/kafka/access.toml declares on this
run's topics; the gateway, which has no Kafka client, gets no Kafka credentials at all.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from lms.kit import kafka as kafka_security
from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings
from lms.kit.kafka_admin import TopicSpec, ensure_topics
from lms.testing.balancer import balancing
from lms.testing.infra import KafkaCluster, KafkaServer, PostgresServer
from lms.testing.proc import Process

SECRET = "e2e-secret-e2e-secret-e2e-secret-0123"
# the learner app the suites' gateways serve at /learn/ (tests/frontend builds it)
RUN_DIR = Path(os.environ.get("LMS_RUN_DIR", Path(__file__).parents[1] / ".run"))
LEARNER_WEB_BUILD = RUN_DIR / "learner-web-test"
SERVICES = ("curriculum", "assessment", "progress", "insights", "people", "records")
PROCESSES = {
    "curriculum": ["web", "relay", "consume"],
    "assessment": ["web", "relay", "consume"],
    "progress": ["web", "relay", "consume", "deliver", "schedule"],
    "insights": ["web", "relay", "consume"],
    "people": ["web", "relay"],
    "records": ["web", "relay", "consume"],
}


def shared_tool(folder: str, marker: str, variable: str) -> Path:
    """A referee of the read-only shared tools folder (`shared/tools/<folder>`, holding `marker`):
    where `variable` names it, else beside the checkout (CI, /work/main), beside its worktrees, or
    in this workplace's own folder."""
    if configured := os.environ.get(variable):
        return Path(configured)
    root = Path(__file__).resolve().parents[1]
    bases = (root.parent, root.parent.parent, Path("/work"))  # the last: this workplace's own copy
    candidates = [base / "shared" / "tools" / folder for base in bases]
    found = next((c for c in candidates if (c / marker).exists()), None)
    assert found, f"{folder} is not in {[str(c) for c in candidates]} (or set {variable})"
    return found


@pytest.fixture(scope="session")
def shared_tools():
    """`shared_tools(folder, marker, variable)`: where a referee of the shared tools folder is."""
    return shared_tool


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Suite:
    url: str
    env: dict[str, str]
    logs: Path
    processes: dict[str, Process] = field(default_factory=dict)

    def token(self, sub: str, *roles: str, **claims: object) -> str:
        """A token of the suite's identity provider (`claims`: extra ones, e.g. `scope`)."""
        name = sub.replace("-", " ").title()
        return mint_token(JwtSettings(secret=SECRET), sub, list(roles), name=name, extra=claims or None)

    def client(self, sub: str, *roles: str, root: bool = False) -> httpx.Client:
        """A client as `sub`; paths are relative to /api/v1 (or to the gateway root with root=True)."""
        return httpx.Client(
            base_url=self.url if root else f"{self.url}/api/v1",
            timeout=30,
            headers={"Authorization": f"Bearer {self.token(sub, *roles)}"},
        )

    def restart(self, name: str) -> None:
        self.processes[name].kill()
        self.processes[name].start()


def wait_ready(url: str, timeout_s: float = 120, services: Iterable[str] = SERVICES) -> None:
    """Until the gateway is ready and every service this suite started answers through it (the
    details are for admins; services of the suite not started here may stay down)."""
    admin = {"Authorization": f"Bearer {mint_token(JwtSettings(secret=SECRET), 'ops', ['admin'])}"}
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            body = httpx.get(f"{url}/readyz", headers=admin, timeout=2).json()
            upstreams = body.get("upstreams", {})
            if body.get("status") != "unready" and all(upstreams.get(s) == "ok" for s in services):
                return
        except (httpx.HTTPError, ValueError):
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not become ready")


KAFKA_CREDENTIAL_VARIABLES = (
    kafka_security.USERNAME_VAR,
    kafka_security.PASSWORD_VAR,
    kafka_security.PASSWORD_FILE_VAR,
)


def suite_env(bootstrap: str, run: str, logs: Path) -> dict[str, str]:
    """What every process of a suite reads: the broker, this run's topics, test secrets and limits
    (no Kafka principal: `process_env` gives each process its own)."""
    inherited = {k: v for k, v in os.environ.items() if k not in KAFKA_CREDENTIAL_VARIABLES}
    return {
        **inherited,
        "LMS_JWT_SECRET": SECRET,
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "LMS_TOPIC_PREFIX": f"e2e-{run}.",
        "LMS_LOG_LEVEL": "INFO",  # as in production: tests/e2e/test_survey_confidentiality reads every line
        "LMS_WEB_WORKERS": "1",
        "GATEWAY_DATABASE_URL": f"sqlite:///{logs / 'gateway.db'}",
        "LMS_CONTENT_STORE": str(logs / "content"),
        "LMS_RATE_LIMIT_AUTHENTICATED": "100000/minute",
        "LMS_RATE_LIMIT_ANONYMOUS": "100000/minute",
        "LMS_RATE_LIMIT_IMPORT": "100000/minute",
        "LMS_RATE_LIMIT_SUBMIT": "100000/minute",
        "LMS_RATE_LIMIT_EXPORT": "100000/minute",
        "LMS_LEARN_DIR": str(LEARNER_WEB_BUILD),
        # the identity provider the learner app offers (the browser test plays it, in the browser)
        "LMS_LEARN_OIDC_AUTHORITY": "https://id.example/realms/staff",
        "LMS_LEARN_OIDC_CLIENT_ID": "learn-web",
    }


def process_env(env: dict[str, str], kafka: KafkaServer, package: str) -> dict[str, str]:
    """The suite's environment for one process of `package`: a service acts as its own Kafka
    principal, the gateway as none."""
    return env if package == "gateway" else {**env, **kafka.process_env(package)}


@contextmanager
def launched(
    env: dict[str, str],
    kafka: KafkaServer,
    postgres: PostgresServer,
    logs: Path,
    run: str,
    processes: dict[str, list[str]] = PROCESSES,
    replicas: int = 1,
    ready_timeout_s: float = 300,
) -> Iterator[Suite]:
    """Every process of `processes` (service -> kinds) and the gateway, `replicas` of each, on
    fresh databases; with replicas, each kind's web processes sit behind a balancer's one URL.
    Process names: `progress-relay`, or `progress-relay-2` when replicated. `run` names the
    databases (and, through `suite_env`, the topics); each service's processes act as its Kafka
    principal, with the declared ACLs on those topics for as long as the suite runs."""
    services = list(processes)
    ensure_topics(
        env["KAFKA_BOOTSTRAP_SERVERS"],
        [TopicSpec(f"{env['LMS_TOPIC_PREFIX']}lms.{s}.events", 6) for s in SERVICES],
    )
    for service in (*services, *(["gateway"] if replicas > 1 else [])):
        env[f"{service.upper()}_DATABASE_URL"] = postgres.create_database(f"e2e_{run}_{service}")
    with contextlib.ExitStack() as stack:
        stack.enter_context(kafka.granted(env["LMS_TOPIC_PREFIX"]))
        webs = {name: [free_port() for _ in range(replicas)] for name in (*services, "gateway")}
        urls = {name: _front(stack, ports) for name, ports in webs.items()}
        env["LMS_JWT_GATEWAY_JWKS_URL"] = f"{urls['gateway']}/.well-known/jwks.json"
        env["LMS_PUBLIC_URL"] = urls["gateway"]  # cmi5 launch URLs name the gateway browsers reach
        for service in SERVICES:  # every process knows each URL (curriculum reads assessment)
            env[f"LMS_{service.upper()}_URL"] = urls.get(service, f"http://127.0.0.1:{free_port()}")
        suite = Suite(urls["gateway"], env, logs)
        migrations = {  # side by side: each database is its own
            name: Process(
                f"lms.{name}", ["migrate"], logs / f"{name}-migrate.log", env=process_env(env, kafka, name)
            ).start()
            for name in (*services, "gateway")
        }
        for name, migration in migrations.items():
            assert migration.popen.wait(300) == 0, (logs / f"{name}-migrate.log").read_text()[-3000:]
        for service, kinds in (*processes.items(), ("gateway", ["web"])):
            for kind, replica in itertools.product(kinds, range(replicas)):
                name = f"{service}-{kind}" + (f"-{replica + 1}" if replicas > 1 else "")
                port = webs[service][replica]
                args = [kind, "--bind", f"127.0.0.1:{port}"] if kind == "web" else [kind]
                log = logs / f"{name}.log"
                suite.processes[name] = Process(
                    f"lms.{service}", args, log, env=process_env(env, kafka, service)
                ).start()
        try:
            wait_ready(suite.url, ready_timeout_s, services)
            yield suite
        finally:
            for process in suite.processes.values():
                process.__exit__()


def _front(stack: contextlib.ExitStack, ports: list[int]) -> str:
    """The URL of a service's web processes: the one process, or a balancer over the replicas."""
    if len(ports) == 1:
        return f"http://127.0.0.1:{ports[0]}"
    return stack.enter_context(balancing(ports)).url


@pytest.fixture(scope="session")
def suite(
    kafka: KafkaServer, postgres: PostgresServer, run_id: str, tmp_path_factory, separate_frontend
) -> Iterator[Suite]:
    logs = tmp_path_factory.mktemp("suite-logs")
    env = {**suite_env(kafka.bootstrap, run_id, logs), "LMS_CORS_ORIGINS": separate_frontend.origin}
    with launched(env, kafka, postgres, logs, run_id) as running_suite:
        separate_frontend.api = running_suite.url
        yield running_suite


class SeparateFrontend:
    """The learner app as another team would host it: its built files on an origin of their own
    (another port), its config.json naming the suite's gateway, which must allow it (CORS)."""

    def __init__(self, folder: Path) -> None:
        self.api = ""
        frontend = self

        class Handler(SimpleHTTPRequestHandler):
            def __init__(self, *args: object, **kwargs: object) -> None:
                super().__init__(*args, directory=str(folder), **kwargs)  # type: ignore[arg-type]

            def do_GET(self) -> None:
                if self.path.split("?")[0] == "/learn/config.json":
                    body = json.dumps({"api": frontend.api, "oidc": None}).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                self.path = self.path.replace("/learn/", "/", 1)
                super().do_GET()

            def log_message(self, *_: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self.server.server_port}"


@pytest.fixture(scope="session")
def separate_frontend() -> Iterator[SeparateFrontend]:
    frontend = SeparateFrontend(LEARNER_WEB_BUILD)
    yield frontend
    frontend.server.shutdown()
    frontend.server.server_close()


REPLICATED = {kind: PROCESSES[kind] for kind in ("curriculum", "assessment", "progress")}


@pytest.fixture(scope="module")
def replicated_suite(
    kafka_cluster: KafkaCluster, postgres: PostgresServer, run_id: str, tmp_path_factory
) -> Iterator[Suite]:
    """Two of every process of the services a completion passes through, and two gateways, on the
    three-node cluster; topics and databases of its own (the session's `suite` may run beside it)."""
    logs, run = tmp_path_factory.mktemp("replicated-logs"), f"{run_id}r"
    env = suite_env(kafka_cluster.bootstrap, run, logs)
    # two dozen processes start at once: on two busy cores that takes minutes, not seconds
    with launched(
        env, kafka_cluster, postgres, logs, run, REPLICATED, replicas=2, ready_timeout_s=420
    ) as running_suite:
        yield running_suite


class WebhookReceiver:
    """An HR system's webhook endpoint on loopback: records (headers, body) of every POST."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        received = self.received

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["content-length"]))
                received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *_: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks"

    @property
    def ids(self) -> list[str]:
        return [headers["webhook-id"] for headers, _ in self.received]


@pytest.fixture
def webhook_receiver():
    receiver = WebhookReceiver()
    yield receiver
    # shutdown() only stops the loop: without server_close() the socket stays open and the
    # kernel keeps accepting connections nobody answers.
    receiver.server.shutdown()
    receiver.server.server_close()
