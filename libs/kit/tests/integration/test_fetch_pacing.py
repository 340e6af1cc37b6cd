"""A consumer idle for a while asks brokers to hold its fetches 500 ms; once records flow, 100 ms."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine

from lms.kit.kafka import BUSY_FETCH_WAIT_MS, IDLE_FETCH_WAIT_MS
from lms.testing import ledger
from lms.testing.infra import KafkaServer

pytestmark = pytest.mark.integration


def held_ms(consumer) -> int:
    """What the next fetch requests will ask the broker for (kafka-python builds each from this)."""
    return consumer._consumer._fetcher.config["fetch_max_wait_ms"]


def test_fetches_are_held_longer_while_idle_and_shorter_while_records_flow(
    source: Engine,
    sink: Engine,
    topic: str,
    kafka: KafkaServer,
    unique: Callable[[str], str],
    relay_in_thread,
):
    consumer = ledger.consumer(sink, kafka.bootstrap, topic, unique("paced"), idle_after_s=1.0)
    try:
        consumer.start()
        assert held_ms(consumer) == BUSY_FETCH_WAIT_MS  # a new consumer may have a backlog
        for _ in range(100):  # empty polls of 200 ms until a second without records has passed
            consumer.poll_once(timeout_ms=200)
            if held_ms(consumer) == IDLE_FETCH_WAIT_MS:
                break
        assert held_ms(consumer) == IDLE_FETCH_WAIT_MS

        ledger.Writer(source, topic).write(transactions=1, per_tx=5)
        with relay_in_thread():
            applied = 0
            for _ in range(300):  # up to 300 polls of 200 ms: a generous deadline, not a sleep
                applied = consumer.poll_once(timeout_ms=200)
                if applied:
                    break
        assert applied > 0
        assert held_ms(consumer) == BUSY_FETCH_WAIT_MS
    finally:
        consumer.close()
