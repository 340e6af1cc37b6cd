"""Reading and sending real events in tests."""

from __future__ import annotations

import uuid

from kafka import KafkaConsumer

from lms.kit.cloudevents import CloudEvent, from_kafka, kafka_headers
from lms.kit.kafka import make_producer


def read_events(bootstrap: str, topic: str, idle_ms: int = 3_000) -> list[CloudEvent]:
    """Every event on `topic` from the beginning (stops after `idle_ms` without a new one)."""
    reader = KafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=f"reader-{uuid.uuid4().hex[:8]}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=idle_ms,
    )
    try:
        return [from_kafka(record.headers, record.value) for record in reader]
    finally:
        reader.close()


def send_event(bootstrap: str, topic: str, event: CloudEvent, key: str) -> None:
    """Publish one event as a producing service would (binary-mode CloudEvent)."""
    producer = make_producer(bootstrap)
    try:
        producer.send(
            topic, key=key.encode(), value=event.value(), headers=kafka_headers(event.headers())
        ).get(30)
    finally:
        producer.close(timeout=5)
