"""kafka-python clients configured the way the suite needs them."""

from __future__ import annotations

from typing import Any

from kafka import KafkaConsumer, KafkaProducer


def make_producer(bootstrap: str, **overrides: Any) -> KafkaProducer:
    """Idempotent producer, `acks=all`; `send()` gives up after 5 s without metadata.

    A record is retried until `delivery_timeout_ms`; the producer keeps per-partition
    order through retries (idempotence), so rows of one key stay in order.
    """
    config: dict[str, Any] = {
        "bootstrap_servers": bootstrap.split(","),
        "acks": "all",
        "enable_idempotence": True,
        "linger_ms": 5,
        "batch_size": 128 * 1024,
        "max_block_ms": 5_000,
        "request_timeout_ms": 10_000,
        "delivery_timeout_ms": 30_000,
        "reconnect_backoff_max_ms": 2_000,
        "client_id": "lms-producer",
    }
    config.update(overrides)
    return KafkaProducer(**config)


# How long a broker holds a fetch that has no records yet. kafka-python keeps one fetch in flight
# per broker, for the partitions with nothing buffered: while it is held, the partitions just
# consumed wait for it, so a busy consumer asks for 100 ms (Kafka's 500 ms halved the outbox
# drain rate, and so did switching to 500 ms at every empty poll). A consumer idle for a while
# (the inbox: 5 s) asks for 500 ms: each empty answer costs the broker and the consumer CPU
# (four idle consumers on the three-node cluster: +0.21 broker cores at 100 ms, +0.04 at
# 500 ms), and a held fetch is answered as soon as a record arrives, so no latency is added.
BUSY_FETCH_WAIT_MS, IDLE_FETCH_WAIT_MS = 100, 500


def pace_fetches(consumer: KafkaConsumer, *, busy: bool) -> None:
    """Ask brokers to hold the next fetches 100 ms while `busy`, 500 ms otherwise.

    kafka-python reads `fetch_max_wait_ms` from its fetcher's config for every fetch request and
    has no public setter (libs/kit/tests/integration/test_fetch_pacing.py fails if that changes)."""
    config = getattr(getattr(consumer, "_fetcher", None), "config", None)
    if isinstance(config, dict) and "fetch_max_wait_ms" in config:
        config["fetch_max_wait_ms"] = BUSY_FETCH_WAIT_MS if busy else IDLE_FETCH_WAIT_MS


def make_consumer(bootstrap: str, group: str, *topics: str, **overrides: Any) -> KafkaConsumer:
    """Group consumer that never commits on its own: callers commit after their DB commit."""
    config: dict[str, Any] = {
        "bootstrap_servers": bootstrap.split(","),
        "group_id": group,
        "enable_auto_commit": False,
        "auto_offset_reset": "earliest",
        "session_timeout_ms": 10_000,
        "heartbeat_interval_ms": 3_000,
        "max_poll_interval_ms": 300_000,
        "max_poll_records": 2000,
        "fetch_max_wait_ms": BUSY_FETCH_WAIT_MS,  # see pace_fetches
        "reconnect_backoff_max_ms": 2_000,
        # a group that joined before a topic's partitions reached the metadata is assigned nothing
        # until the next refresh; kafka-python's default waits five minutes (decision 0080)
        "metadata_max_age_ms": 30_000,
        "client_id": f"lms-{group}",
    }
    config.update(overrides)
    consumer = KafkaConsumer(**config)
    if topics:
        consumer.subscribe(list(topics))
    return consumer
