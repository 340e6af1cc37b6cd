"""Webhooks to a real HTTP receiver on loopback: signed, retried, disabled on 410."""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import replace
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lms.kit.db import make_engine
from lms.kit.safehttp import SafeClient
from lms.progress.app import create_app
from lms.progress.hr_sync.domain.webhooks import verify
from lms.progress.processes.delivery import Dispatcher

pytestmark = pytest.mark.integration


class Receiver:
    """An HR system's endpoint: answers with the next status from `script`, records what it got."""

    def __init__(self, script: list[int]):
        self.script = script
        self.received: list[tuple[dict, bytes, int]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["content-length"]))
                status = receiver.script.pop(0) if receiver.script else 200
                receiver.received.append(({k.lower(): v for k, v in self.headers.items()}, body, status))
                self.send_response(status)
                self.end_headers()

            def log_message(self, *_args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/lms"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class StalledReceiver:
    """An endpoint that takes a request and answers only when released (a slow HR system)."""

    def __init__(self) -> None:
        self.in_flight = threading.Event()
        self.release = threading.Event()
        stalled = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers["content-length"]))
                stalled.in_flight.set()
                stalled.release.wait(300)
                stalled.in_flight.clear()
                self.send_response(200)
                self.end_headers()

            def log_message(self, *_args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/slow"

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    made: list[Receiver] = []
    yield lambda *script: made.append(Receiver(list(script))) or made[-1]
    for r in made:
        r.close()


def register(world, url: str, types=("lms.progress.course.completed.v1",)):
    response = world.client.post(
        "/api/v1/webhooks", json={"url": url, "event_types": list(types)}, headers=world.token("hr1", "hr")
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def complete_a_course(world, learner: str) -> dict:
    course_id = str(uuid.uuid4())
    world.publish_course(course_id, 1, [{"id": "m1", "lessons": ["l1"]}])
    enrolment = world.enrol(learner, course_id)
    return world.complete(learner, enrolment["id"], "l1")


def dispatcher(world) -> Dispatcher:
    client = SafeClient.for_env(world.settings.env)
    return Dispatcher(make_engine(world.settings.database_url), client, delay=lambda _n: timedelta(0))


def deliveries(world, hook_id):
    return world.client.get(
        f"/api/v1/webhooks/{hook_id}/deliveries", headers=world.token("hr1", "hr")
    ).get_json()


def test_a_receiver_gets_a_delivery_whose_signature_verifies(world, receiver):
    endpoint = receiver(200)
    hook = register(world, endpoint.url)
    assert hook["secret"].startswith("whsec_")
    completion = complete_a_course(world, "amy")

    assert dispatcher(world).deliver_due() == 1
    ((headers, body, _),) = endpoint.received
    assert verify(
        hook["secret"],
        headers["webhook-id"],
        int(headers["webhook-timestamp"]),
        body,
        headers["webhook-signature"],
    )
    assert b'"lms.progress.course.completed.v1"' in body
    assert completion["certificate_code"].encode() in body
    (log,) = deliveries(world, hook["id"])
    assert (log["status"], log["attempts"], log["last_status_code"]) == ("delivered", 1, 200)


def test_a_receiver_answering_500_then_200_gets_it_again_with_the_same_id(world, receiver):
    endpoint = receiver(500, 200)
    hook = register(world, endpoint.url)
    complete_a_course(world, "ben")

    engine_dispatcher = dispatcher(world)
    engine_dispatcher.deliver_due()
    assert [status for _, _, status in endpoint.received] == [500, 200]
    first, second = (headers["webhook-id"] for headers, _, _ in endpoint.received)
    assert first == second
    (log,) = deliveries(world, hook["id"])
    assert (log["status"], log["attempts"]) == ("delivered", 2)


def test_manual_redelivery_sends_a_delivered_event_again(world, receiver):
    endpoint = receiver()
    hook = register(world, endpoint.url)
    complete_a_course(world, "cat")
    dispatcher(world).deliver_due()
    (log,) = deliveries(world, hook["id"])
    again = world.client.post(
        f"/api/v1/webhooks/{hook['id']}/deliveries/{log['id']}/redeliver", headers=world.token("hr1", "hr")
    )
    assert again.status_code == 202
    dispatcher(world).deliver_due()
    assert len(endpoint.received) == 2


def test_an_endpoint_answering_410_is_disabled(world, receiver):
    endpoint = receiver(410)
    hook = register(world, endpoint.url)
    complete_a_course(world, "dee")
    complete_a_course(world, "eve")
    dispatcher(world).deliver_due()
    assert len(endpoint.received) == 1
    (listed,) = [
        h
        for h in world.client.get("/api/v1/webhooks", headers=world.token("hr1", "hr")).get_json()
        if h["id"] == hook["id"]
    ]
    assert listed["status"] == "disabled"
    assert "secret" not in listed
    assert {d["status"] for d in deliveries(world, hook["id"])} == {"cancelled"}


def test_loopback_targets_are_refused_outside_dev_and_unknown_event_types_always(world):
    production = create_app(replace(world.settings, env="prod")).test_client()
    refused = production.post(
        "/api/v1/webhooks",
        json={"url": "http://127.0.0.1:9/x", "event_types": ["lms.progress.course.completed.v1"]},
        headers=world.token("hr1", "hr"),
    )
    assert refused.status_code == 422
    assert "loopback" in refused.get_json()["errors"]["url"][0]
    unknown = world.client.post(
        "/api/v1/webhooks",
        json={"url": "https://hr.example/x", "event_types": ["nope"]},
        headers=world.token("hr1", "hr"),
    )
    assert unknown.status_code == 422
    learner = world.client.post(
        "/api/v1/webhooks",
        json={"url": "https://hr.example/x", "event_types": ["x"]},
        headers=world.token("amy", "learner"),
    )
    assert learner.status_code == 403


def test_a_stalled_endpoint_holds_up_one_sender_not_the_other_endpoints_deliveries(world, receiver):
    stalled, endpoint = StalledReceiver(), receiver(200)
    register(world, stalled.url)
    complete_a_course(world, "slow-first")
    client = SafeClient.for_env("dev", timeout_s=300)
    sender = Dispatcher(
        make_engine(world.settings.database_url), client=client, delay=lambda _n: timedelta(0)
    )
    stop = threading.Event()
    running = threading.Thread(target=sender.run, args=(stop,), kwargs={"workers": 2}, daemon=True)
    running.start()
    try:
        assert stalled.in_flight.wait(60), "the stalled endpoint never got its delivery"
        register(world, endpoint.url)
        complete_a_course(world, "fast-second")
        deadline = time.monotonic() + 60
        while not endpoint.received and time.monotonic() < deadline:
            stop.wait(0.1)
        assert endpoint.received, "the second endpoint waited behind the stalled one"
        assert stalled.in_flight.is_set()  # delivered while the stalled request was still open
    finally:
        stop.set()
        stalled.close()
        running.join(60)


def test_an_endpoint_subscribed_to_statements_gets_each_new_one_like_any_announced_event(world, receiver):
    """xAPI statements are announced through the same unit of work as every other event, so an
    endpoint subscribed to them is told of each (a completion writes one)."""
    endpoint = receiver()
    hook = register(world, endpoint.url, types=("lms.progress.statement.recorded.v1",))
    completion = complete_a_course(world, "fay")
    assert dispatcher(world).deliver_due() == 1
    ((_, body, _),) = endpoint.received
    assert b'"lms.progress.statement.recorded.v1"' in body
    assert completion["certificate_code"].encode() in body
    (log,) = deliveries(world, hook["id"])
    assert log["status"] == "delivered"
