"""Reading and sending real events in tests."""

from __future__ import annotations

from lms.kit.cloudevents import CloudEvent, from_kafka, kafka_headers
from lms.kit.kafka import make_producer
from lms.kit.topics import read_topic


def read_events(bootstrap: str, topic: str) -> list[CloudEvent]:
    """Every event on `topic` from the beginning to its end now (what was published so far)."""
    return [from_kafka(record.headers, record.value) for record in read_topic(bootstrap, topic)]


def send_event(bootstrap: str, topic: str, event: CloudEvent, key: str) -> None:
    """Publish one event as a producing service would (binary-mode CloudEvent)."""
    producer = make_producer(bootstrap)
    try:
        producer.send(
            topic, key=key.encode(), value=event.value(), headers=kafka_headers(event.headers())
        ).get(30)
    finally:
        producer.close(timeout=5)
