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
        # How long a broker holds a fetch that has no records yet. kafka-python keeps one fetch
        # in flight per broker, for the partitions with nothing buffered: while it is held, the
        # partitions just consumed wait for it. Kafka's 500 ms halved the outbox drain rate.
        "fetch_max_wait_ms": 100,
        "reconnect_backoff_max_ms": 2_000,
        "client_id": f"lms-{group}",
    }
    config.update(overrides)
    consumer = KafkaConsumer(**config)
    if topics:
        consumer.subscribe(list(topics))
    return consumer
