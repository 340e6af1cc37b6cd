"""Outbox -> Kafka -> inbox against the real broker and PostgreSQL: exactly once, in order per key."""

from __future__ import annotations

import time

import pytest
from kafka import KafkaConsumer, TopicPartition
from sqlalchemy import Engine, func, select

from lms.kit import topics
from lms.kit.cloudevents import CloudEvent, kafka_headers
from lms.kit.db import make_session_factory
from lms.kit.inbox import dlq_topic
from lms.kit.kafka import client_config, make_producer
from lms.kit.messaging import inbox, outbox
from lms.kit.relay import OutboxRelay
from lms.testing import ledger
from lms.testing.infra import KafkaServer
from lms.testing.ledger import audit, wait_for
from lms.testing.proc import running

pytestmark = pytest.mark.integration


def pending(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None)))


def settle(seconds: float = 2.0) -> None:
    """Give any duplicate that is still on its way the time to arrive."""
    time.sleep(seconds)


def assert_exactly_once_in_order(sink: Engine, expected: int) -> None:
    result = audit(sink)
    assert result.duplicates == []
    assert result.out_of_order == []
    assert result.applied == expected


def test_10k_events_in_1000_transactions_are_applied_exactly_once_in_key_order(
    source, sink, topic, relay_in_thread, consumer_in_thread
):
    writer = ledger.Writer(source, topic)
    with relay_in_thread(), consumer_in_thread():
        writer.write(transactions=1000, per_tx=10)
        assert wait_for(lambda: ledger.applied_count(sink) >= 10_000, timeout_s=180)
        settle()

    assert_exactly_once_in_order(sink, 10_000)
    assert pending(source) == 0


def test_two_relays_at_once_share_the_work_without_reordering_a_key(
    source, sink, topic, kafka: KafkaServer, consumer_in_thread
):
    writer = ledger.Writer(source, topic)
    writer.write(transactions=300, per_tx=10)
    first, second = (
        OutboxRelay(source, kafka.bootstrap, batch_size=200),
        OutboxRelay(source, kafka.bootstrap, batch_size=200),
    )
    with consumer_in_thread(), running(first.run), running(second.run):
        writer.write(transactions=200, per_tx=10)
        assert wait_for(lambda: ledger.applied_count(sink) >= 5_000, timeout_s=120)
        settle()

    assert_exactly_once_in_order(sink, 5_000)


def test_rolled_back_transaction_publishes_nothing(source, topic, kafka: KafkaServer):
    writer = ledger.Writer(source, topic)

    def use_case_that_fails_after_adding_its_event() -> None:
        with writer.unit() as uow:
            uow.announce(ledger.ENTRY, {"key": "k1", "seq": 1})
            raise RuntimeError("the use case failed after adding its event")

    with pytest.raises(RuntimeError):
        use_case_that_fails_after_adding_its_event()

    assert pending(source) == 0
    assert OutboxRelay(source, kafka.bootstrap).publish_batch() == 0
    assert end_offsets(kafka, topic) == 0


def test_the_same_event_delivered_three_times_changes_state_once(sink, topic, kafka: KafkaServer, unique):
    event = CloudEvent.new(ledger.EVENT_TYPE, "/test", {"key": "k1", "seq": 1}, subject="k1")
    producer = make_producer(kafka.bootstrap)
    for _ in range(3):
        producer.send(topic, key=b"k1", value=event.value(), headers=kafka_headers(event.headers()))
    producer.flush()
    producer.close()

    group = unique("ledger")
    consumer = ledger.consumer(sink, kafka.bootstrap, topic, group)
    try:
        assert wait_for(
            lambda: consumer.poll_once(timeout_ms=200) == 0 and ledger.applied_count(sink) > 0, 30
        )
    finally:
        consumer.close()

    assert_exactly_once_in_order(sink, 1)
    with sink.connect() as conn:
        rows = conn.execute(select(inbox.c.event_id).where(inbox.c.consumer_group == group)).all()
    assert [row.event_id for row in rows] == [event.id]


def test_a_consumer_that_dies_before_committing_offsets_applies_nothing_twice(
    source, sink, topic, kafka: KafkaServer, unique
):
    ledger.Writer(source, topic).write(transactions=20, per_tx=10)
    assert OutboxRelay(source, kafka.bootstrap).publish_batch() == 200
    group = unique("ledger")

    first = ledger.consumer(sink, kafka.bootstrap, topic, group)
    first.start()
    first._apply(first_records(first, 200))  # applied and committed to the DB, offsets never committed
    first.close()
    assert ledger.applied_count(sink) == 200

    second = ledger.consumer(sink, kafka.bootstrap, topic, group)
    try:
        redelivered = sum(second.poll_once(timeout_ms=500) for _ in range(12))
    finally:
        second.close()
    assert redelivered == 200, "the uncommitted records were not redelivered"
    assert_exactly_once_in_order(sink, 200)


def test_a_poison_message_goes_to_the_dlq_and_the_ones_behind_it_are_applied(
    sink, topic, kafka: KafkaServer, unique
):
    producer = make_producer(kafka.bootstrap)

    def send(data: dict, key: str = "k1") -> CloudEvent:
        event = CloudEvent.new(ledger.EVENT_TYPE, "/test", data, subject=key)
        producer.send(topic, key=key.encode(), value=event.value(), headers=kafka_headers(event.headers()))
        return event

    send({"key": "k1", "seq": 1})
    producer.send(topic, key=b"k1", value=b"{not json", headers=[("ce_id", b"x")])
    failing = send({"key": "k1", "seq": 2, "poison": True})
    off_contract = send({"key": "k1", "seq": "three"})
    send({"key": "k1", "seq": 2})
    producer.flush()
    producer.close()

    group = unique("ledger")
    consumer = ledger.consumer(sink, kafka.bootstrap, topic, group)
    try:
        assert wait_for(lambda: consumer.poll_once(200) >= 0 and ledger.applied_count(sink) >= 2, 60)
    finally:
        consumer.close()

    assert_exactly_once_in_order(sink, 2)
    letters = read_topic(kafka, dlq_topic(topic, group))
    assert len(letters) == 3
    by_type = {header(r, "dlq_error_type"): r for r in letters}
    assert set(by_type) == {"InvalidEvent", "ValueError", "PayloadInvalid"}
    assert header(by_type["ValueError"], "ce_id") == failing.id
    assert header(by_type["ValueError"], "dlq_attempts") == "3"
    assert "is poison" in header(by_type["ValueError"], "dlq_error")
    assert header(by_type["PayloadInvalid"], "ce_id") == off_contract.id
    assert header(by_type["InvalidEvent"], "dlq_original_topic") == topic


# -- helpers -------------------------------------------------------------------------
def end_offsets(kafka: KafkaServer, topic: str) -> int:
    reader = KafkaConsumer(**client_config(kafka.bootstrap))
    try:
        partitions = [TopicPartition(topic, p) for p in reader.partitions_for_topic(topic)]
        return sum(reader.end_offsets(partitions).values())
    finally:
        reader.close()


def read_topic(kafka: KafkaServer, topic: str) -> list:
    return list(topics.read_topic(kafka.bootstrap, topic))


def header(record, name: str) -> str:
    return next((v.decode() for k, v in record.headers if k == name), "")


def first_records(consumer, count: int) -> list:
    records: list = []
    deadline = time.monotonic() + 30
    while len(records) < count and time.monotonic() < deadline:
        for batch in consumer._consumer.poll(timeout_ms=500).values():
            records.extend(batch)
    assert len(records) == count
    return records


def test_dead_letters_are_listed_and_a_redrive_applies_them_once_the_handler_is_fixed(
    sink, topic, kafka: KafkaServer, unique
):
    from lms.kit import dlq
    from lms.kit.inbox import InboxConsumer

    producer = make_producer(kafka.bootstrap)
    poison = CloudEvent.new(ledger.EVENT_TYPE, "/test", {"key": "k1", "seq": 1, "poison": True}, subject="k1")
    producer.send(topic, key=b"k1", value=poison.value(), headers=kafka_headers(poison.headers()))
    producer.flush()
    producer.close()
    group = unique("ledger")
    broken = ledger.consumer(sink, kafka.bootstrap, topic, group)
    try:
        assert wait_for(
            lambda: broken.poll_once(200) >= 0 and len(read_topic(kafka, dlq_topic(topic, group))) == 1, 60
        )
    finally:
        broken.close()

    letters = list(dlq.read_dead_letters(kafka.bootstrap, dlq_topic(topic, group)))
    assert [letter.header("ce_id") for letter in letters] == [poison.id]
    assert letters[0].header("dlq_error_type") == "ValueError"

    assert dlq.redrive(kafka.bootstrap, dlq_topic(topic, group), progress=False) == 1
    assert dlq.redrive(kafka.bootstrap, dlq_topic(topic, group), progress=False) == 0  # each letter once

    def accept_poison(session, events):  # the fixed release of the handler
        ledger.apply_entries(
            session, [CloudEvent(**{**e.__dict__, "data": {**e.data, "poison": False}}) for e in events]
        )

    fixed = InboxConsumer(
        session_factory=make_session_factory(sink),
        bootstrap=kafka.bootstrap,
        group=group,
        topics=[topic],
        handlers={},
        batch_handlers={ledger.EVENT_TYPE: accept_poison},
        registry=ledger.registry(),
    )
    try:
        assert wait_for(lambda: fixed.poll_once(200) >= 0 and ledger.applied_count(sink) == 1, 60)
    finally:
        fixed.close()
    assert_exactly_once_in_order(sink, 1)
