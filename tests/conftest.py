"""The whole running suite for tests/e2e and tests/fault: every process real, reached through the gateway.

Kafka (the tests' broker), PostgreSQL (one database per service), gunicorn web processes,
relays, consumers, the webhook dispatcher and the gateway, all as OS processes.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings
from lms.kit.kafka_admin import TopicSpec, ensure_topics
from lms.kit.testing.infra import KafkaServer, PostgresServer
from lms.kit.testing.proc import Process

SECRET = "e2e-secret-e2e-secret-e2e-secret-0123"
SERVICES = ("curriculum", "assessment", "progress", "insights", "people")
PROCESSES = {
    "curriculum": ["web", "relay", "consume"],
    "assessment": ["web", "relay", "consume"],
    "progress": ["web", "relay", "consume", "deliver", "schedule"],
    "insights": ["web", "relay", "consume"],
    "people": ["web", "relay"],
}


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

    def token(self, sub: str, *roles: str) -> str:
        return mint_token(JwtSettings(secret=SECRET), sub, list(roles), name=sub.replace("-", " ").title())

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


def wait_ready(url: str, timeout_s: float = 120) -> None:
    """Until the gateway is ready and every service this suite started answers through it (the
    details are for admins; services of the suite not started here may stay down)."""
    admin = {"Authorization": f"Bearer {mint_token(JwtSettings(secret=SECRET), 'ops', ['admin'])}"}
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            body = httpx.get(f"{url}/readyz", headers=admin, timeout=2).json()
            upstreams = body.get("upstreams", {})
            if body.get("status") != "unready" and all(upstreams.get(s) == "ok" for s in SERVICES):
                return
        except (httpx.HTTPError, ValueError):
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not become ready")


@pytest.fixture(scope="session")
def suite(kafka: KafkaServer, postgres: PostgresServer, run_id: str, tmp_path_factory) -> Suite:
    logs = tmp_path_factory.mktemp("suite-logs")
    prefix = f"e2e-{run_id}."
    env = {
        **os.environ,
        "LMS_JWT_SECRET": SECRET,
        "KAFKA_BOOTSTRAP_SERVERS": kafka.bootstrap,
        "LMS_TOPIC_PREFIX": prefix,
        "LMS_LOG_LEVEL": "WARNING",
        "LMS_WEB_WORKERS": "1",
        "GATEWAY_DATABASE_URL": f"sqlite:///{logs / 'gateway.db'}",
        "LMS_RATE_LIMIT_AUTHENTICATED": "100000/minute",
        "LMS_RATE_LIMIT_ANONYMOUS": "100000/minute",
        "LMS_RATE_LIMIT_IMPORT": "100000/minute",
        "LMS_RATE_LIMIT_SUBMIT": "100000/minute",
        "LMS_RATE_LIMIT_EXPORT": "100000/minute",
    }
    ensure_topics(kafka.bootstrap, [TopicSpec(f"{prefix}lms.{s}.events", 6) for s in SERVICES])
    for service in SERVICES:
        env[f"{service.upper()}_DATABASE_URL"] = postgres.create_database(f"e2e_{run_id}_{service}")
    gateway_port = free_port()
    env["LMS_JWT_GATEWAY_JWKS_URL"] = f"http://127.0.0.1:{gateway_port}/.well-known/jwks.json"
    suite = Suite(f"http://127.0.0.1:{gateway_port}", env, logs)
    for name in (*SERVICES, "gateway"):
        assert (
            Process(f"lms.{name}", ["migrate"], logs / f"{name}-migrate.log", env=env).start().popen.wait(300)
            == 0
        )
    ports = {service: free_port() for service in PROCESSES}
    for service, port in ports.items():  # every process knows each URL (curriculum reads assessment)
        env[f"LMS_{service.upper()}_URL"] = f"http://127.0.0.1:{port}"
    for service, kinds in PROCESSES.items():
        port = ports[service]
        for kind in kinds:
            args = [kind, "--bind", f"127.0.0.1:{port}"] if kind == "web" else [kind]
            suite.processes[f"{service}-{kind}"] = Process(
                f"lms.{service}", args, logs / f"{service}-{kind}.log", env=env
            ).start()
    suite.processes["gateway-web"] = Process(
        "lms.gateway", ["web", "--bind", f"127.0.0.1:{gateway_port}"], logs / "gateway-web.log", env=env
    ).start()
    try:
        wait_ready(suite.url)
        yield suite
    finally:
        for process in suite.processes.values():
            process.__exit__()


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
