"""Crashes and outages: the relay SIGKILLed mid-stream, the broker stopped for 10 s."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select

from lms.kit.messaging import outbox
from lms.testing import ledger
from lms.testing.infra import KafkaServer
from lms.testing.ledger import audit, wait_for
from lms.testing.proc import Process

pytestmark = [pytest.mark.integration, pytest.mark.fault]


def published(engine) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(outbox).where(outbox.c.published_at.is_not(None)))


def test_relay_sigkilled_mid_stream_and_restarted_still_applies_exactly_once(
    source, sink, topic, kafka: KafkaServer, consumer_in_thread, tmp_path
):
    args = [
        "relay",
        "--db",
        source.url.render_as_string(hide_password=False),
        "--bootstrap",
        kafka.bootstrap,
        "--topic",
        topic,
    ]
    writer = ledger.Writer(source, topic)
    writer.write(transactions=500, per_tx=10)
    with consumer_in_thread():
        relay = Process("lms.testing.ledger", args, tmp_path / "relay.log").start()
        try:
            assert wait_for(lambda: published(source) >= 1_000, timeout_s=60)
            relay.kill()  # mid-stream: rows sent to Kafka but not yet marked may exist
            killed_at = published(source)
            assert killed_at < 5_000, "the relay finished before it could be killed"
            writer.write(transactions=100, per_tx=10)
            relay = Process("lms.testing.ledger", args, tmp_path / "relay.log").start()
            assert wait_for(lambda: ledger.applied_count(sink) >= 6_000, timeout_s=120)
            time.sleep(2)
        finally:
            relay.__exit__()

    result = audit(sink)
    assert (result.applied, result.duplicates, result.out_of_order) == (6_000, [], [])


def test_broker_down_for_10s_while_writing_loses_nothing_and_everything_recovers(
    source, sink, topic, kafka: KafkaServer, relay_in_thread, consumer_in_thread
):
    if not kafka.controllable:
        pytest.skip("the broker was not started by this test run, so it cannot be stopped")
    writer = ledger.Writer(source, topic)
    written = 0
    stop_writing = threading.Event()

    def keep_writing() -> None:
        nonlocal written
        while not stop_writing.is_set():
            written += writer.write(transactions=5, per_tx=10)
            time.sleep(0.05)

    with relay_in_thread(), consumer_in_thread():
        thread = threading.Thread(target=keep_writing, daemon=True)
        thread.start()
        assert wait_for(lambda: ledger.applied_count(sink) >= 500, timeout_s=60)
        kafka.stop()
        during_outage = ledger.applied_count(sink)
        time.sleep(10)
        assert ledger.applied_count(sink) - during_outage < 100, "events kept flowing with no broker"
        kafka.start()
        time.sleep(3)
        stop_writing.set()
        thread.join()
        assert written > during_outage + 500, "the writer did not keep writing through the outage"
        assert wait_for(lambda: ledger.applied_count(sink) >= written, timeout_s=180), (
            f"{ledger.applied_count(sink)} of {written} applied after the broker came back"
        )
        time.sleep(2)

    result = audit(sink)
    assert (result.applied, result.duplicates, result.out_of_order) == (written, [], [])
