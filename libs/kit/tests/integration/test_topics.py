"""read_topic reads a real topic up to the end it had when asked, and nothing after."""

from __future__ import annotations

import pytest

from lms.kit.kafka import make_consumer, make_producer
from lms.kit.kafka_admin import TopicSpec, ensure_topics
from lms.kit.topics import read_topic


@pytest.fixture
def filled(kafka, unique) -> str:
    name = unique("topics.read")
    ensure_topics(kafka.bootstrap, [TopicSpec(name, 3)])
    publish(kafka.bootstrap, name, [f"r{i}" for i in range(30)])
    return name


def publish(bootstrap: str, topic: str, values: list[str]) -> None:
    producer = make_producer(bootstrap)
    try:
        for value in values:
            producer.send(topic, key=value.encode(), value=value.encode())
        producer.flush(timeout=30)
    finally:
        producer.close(timeout=5)


def test_every_record_is_read_once_in_partition_order(kafka, filled):
    snapshot = read_topic(kafka.bootstrap, filled)
    records = list(snapshot)
    assert snapshot.total == 30
    assert sorted(r.value.decode() for r in records) == sorted(f"r{i}" for i in range(30))
    for partition in {r.partition for r in records}:
        offsets = [r.offset for r in records if r.partition == partition]
        assert offsets == list(range(len(offsets)))


def test_records_published_after_the_call_are_not_read(kafka, filled):
    snapshot = read_topic(kafka.bootstrap, filled)
    publish(kafka.bootstrap, filled, ["late-1", "late-2"])
    values = [r.value.decode() for r in snapshot]
    assert len(values) == 30
    assert "late-1" not in values
    assert read_topic(kafka.bootstrap, filled).total == 32


def test_a_group_consumer_reads_from_its_committed_positions(kafka, filled, unique):
    group = unique("reader")
    consumer = make_consumer(kafka.bootstrap, group)
    try:
        assert len(list(read_topic(kafka.bootstrap, filled, consumer=consumer))) == 30
        consumer.commit()
        publish(kafka.bootstrap, filled, ["next"])
        again = read_topic(kafka.bootstrap, filled, consumer=consumer)
        assert again.total == 1
        assert [r.value for r in again] == [b"next"]
    finally:
        consumer.close(autocommit=False)


def test_a_missing_topic_reads_as_empty(kafka, unique):
    snapshot = read_topic(kafka.bootstrap, unique("never.created"))
    assert (snapshot.total, list(snapshot)) == (0, [])
