"""Issue 12, section 2: webhook targets are public addresses when registered and when sent to."""

from __future__ import annotations

import socket
import threading
import uuid
from dataclasses import replace
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lms.kit.db import make_engine
from lms.kit.safehttp import SafeClient
from lms.progress.app import create_app
from lms.progress.processes.delivery import Dispatcher

pytestmark = pytest.mark.integration
COMPLETED = ["lms.progress.course.completed.v1"]
PUBLIC = "93.184.216.34"


class Rebinding:
    """A resolver whose name answers a public address first and loopback after that."""

    def __init__(self):
        self.calls = 0

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls += 1
        return [PUBLIC] if self.calls == 1 else ["127.0.0.1"]


@pytest.fixture
def loopback_receiver():
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            hits.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *_args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_port, hits
    server.shutdown()
    server.server_close()


def webhooks(world) -> list[dict]:
    return world.client.get("/api/v1/webhooks", headers=world.token("hr1", "hr")).get_json()


def complete_a_course(world, learner: str) -> None:
    course_id = str(uuid.uuid4())
    world.publish_course(course_id, 1, [{"id": "m1", "lessons": ["l1"]}])
    world.complete(learner, world.enrol(learner, course_id)["id"], "l1")


def deliveries(world, hook_id: str) -> list[dict]:
    return world.client.get(
        f"/api/v1/webhooks/{hook_id}/deliveries", headers=world.token("hr1", "hr")
    ).get_json()


@pytest.mark.parametrize(
    "url",
    [
        "http://100.64.0.1/hook",  # shared address space (carrier-grade NAT)
        "http://[::ffff:7f00:1]/hook",  # IPv4-mapped loopback (::ffff:127.0.0.1)
        "http://[::ffff:a00:1]/hook",  # IPv4-mapped private (::ffff:10.0.0.1)
        "http://[2002:7f00:1::]/hook",  # 6to4 of 127.0.0.1
        "http://[2002:c0a8:101::]/hook",  # 6to4 of 192.168.1.1
        "http://[64:ff9b::a00:1]/hook",  # NAT64 of 10.0.0.1
        "http://169.254.169.254/latest/meta-data",  # link-local (cloud metadata)
    ],
)
def test_private_targets_in_every_disguise_are_refused_and_nothing_is_registered(world, url):
    production = create_app(replace(world.settings, env="prod")).test_client()
    refused = production.post(
        "/api/v1/webhooks", json={"url": url, "event_types": COMPLETED}, headers=world.token("hr1", "hr")
    )
    assert (refused.status_code, refused.mimetype) == (422, "application/problem+json")
    assert "not public" in refused.get_json()["errors"]["url"][0]
    assert webhooks(world) == []


def test_a_name_that_rebinds_to_loopback_after_the_check_never_reaches_it(world, loopback_receiver):
    port, hits = loopback_receiver
    resolver = Rebinding()
    production = create_app(replace(world.settings, env="prod"), outbound=SafeClient(resolver=resolver))
    registered = production.test_client().post(
        "/api/v1/webhooks",
        json={"url": f"http://rebind.example:{port}/hook", "event_types": COMPLETED},
        headers=world.token("hr1", "hr"),
    )
    assert registered.status_code == 201  # public when checked
    complete_a_course(world, "rae")

    dispatcher = Dispatcher(
        make_engine(world.settings.database_url),
        client=SafeClient(resolver=resolver),
        delay=lambda _: timedelta(0),
    )
    dispatcher.deliver_one()
    assert hits == []
    (log,) = deliveries(world, registered.get_json()["id"])
    assert (log["status"], log["last_status_code"], log["last_error"]) == (
        "pending",
        None,
        "address_not_allowed",
    )


def test_the_delivery_log_tells_a_generic_reason_never_the_socket_error(world):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    hook = world.client.post(
        "/api/v1/webhooks",
        json={"url": f"http://127.0.0.1:{closed_port}/hook", "event_types": COMPLETED},
        headers=world.token("hr1", "hr"),
    ).get_json()
    complete_a_course(world, "sol")
    client = SafeClient.for_env(world.settings.env)
    Dispatcher(
        make_engine(world.settings.database_url), client, delay=lambda _: timedelta(hours=1)
    ).deliver_one()
    (log,) = deliveries(world, hook["id"])
    assert log["last_error"] == "connect_failed"
