"""The DLQ tells the truth, against the real broker: a redrive of one event leaves the letters it
skipped for a later redrive, a letter that cannot be published back stays in the DLQ and fails
the command, and thousands of failing events never keep a consumer from polling (it used to
sleep between attempts inside the poll loop, overrun the max poll interval and lose its group)."""

from __future__ import annotations

import pytest
from kafka import KafkaAdminClient, KafkaConsumer
from kafka.admin import ConfigResource, ConfigResourceType

from lms.kit import dlq
from lms.kit.cloudevents import CloudEvent, kafka_headers
from lms.kit.db import make_session_factory
from lms.kit.grouplag import OffsetsReader
from lms.kit.inbox import InboxConsumer, dlq_topic
from lms.kit.kafka import client_config, make_producer
from lms.kit.topics import read_topic
from lms.testing import ledger
from lms.testing.infra import KafkaServer
from lms.testing.ledger import audit, wait_for
from lms.testing.proc import running

pytestmark = pytest.mark.integration


def send_entries(kafka: KafkaServer, topic: str, entries: list[dict]) -> list[CloudEvent]:
    partitions_known(kafka, topic)
    producer = make_producer(kafka.bootstrap)
    events = []
    for data in entries:
        event = CloudEvent.new(ledger.EVENT_TYPE, "/test", data, subject=data["key"])
        producer.send(
            topic, key=data["key"].encode(), value=event.value(), headers=kafka_headers(event.headers())
        )
        events.append(event)
    producer.flush()
    producer.close()
    return events


def partitions_known(kafka: KafkaServer, topic: str) -> None:
    """Until the new topic's partitions are in the broker's metadata, so a consumer that joins
    next is assigned them (not a sleep: a condition with a deadline)."""
    reader = KafkaConsumer(**client_config(kafka.bootstrap))
    try:
        assert wait_for(lambda: bool(reader.partitions_for_topic(topic)), 60)
    finally:
        reader.close()


def ids_in(kafka: KafkaServer, topic: str) -> list[str]:
    return [
        next(v.decode() for k, v in record.headers if k == "ce_id")
        for record in read_topic(kafka.bootstrap, topic)
    ]


def dead_letter_all(sink, kafka: KafkaServer, topic: str, group: str, count: int) -> None:
    """A consumer whose handler fails every poison entry puts `count` letters in the DLQ."""
    broken = ledger.consumer(sink, kafka.bootstrap, topic, group)
    try:
        assert wait_for(
            lambda: broken.poll_once(200) >= 0 and len(ids_in(kafka, dlq_topic(topic, group))) >= count, 60
        )
    finally:
        broken.close()


def fixed_consumer(sink, kafka: KafkaServer, topic: str, group: str) -> InboxConsumer:
    def accept_poison(session, events):  # the fixed release of the handler
        ledger.apply_entries(
            session, [CloudEvent(**{**e.__dict__, "data": {**e.data, "poison": False}}) for e in events]
        )

    return InboxConsumer(
        session_factory=make_session_factory(sink),
        bootstrap=kafka.bootstrap,
        group=group,
        topics=[topic],
        handlers={},
        batch_handlers={ledger.EVENT_TYPE: accept_poison},
        registry=ledger.registry(),
    )


def test_a_redrive_of_one_event_leaves_the_letters_it_skipped_for_the_next_redrive(
    sink, topic, kafka: KafkaServer, unique
):
    group = unique("ledger")
    first, second, third = send_entries(
        kafka, topic, [{"key": f"k{n}", "seq": 1, "poison": True} for n in (1, 2, 3)]
    )
    dead_letter_all(sink, kafka, topic, group, 3)
    letters = dlq_topic(topic, group)

    assert dlq.redrive(kafka.bootstrap, letters, event_id=second.id, progress=False) == 1
    assert dlq.redrive(kafka.bootstrap, letters, progress=False) >= 2  # the two it skipped, at least
    redriven = ids_in(kafka, topic)[3:]
    assert {first.id, third.id} <= set(redriven), "a letter skipped by --event-id was never redriven"

    consumer = fixed_consumer(sink, kafka, topic, group)
    try:
        assert wait_for(lambda: consumer.poll_once(200) >= 0 and ledger.applied_count(sink) == 3, 60)
    finally:
        consumer.close()
    result = audit(sink)
    assert (result.applied, result.duplicates) == (3, [])


def test_a_letter_that_cannot_be_published_back_stays_for_the_next_redrive_and_fails_the_command(
    sink, topic, kafka: KafkaServer, unique, capsys
):
    group = unique("ledger")
    (large,) = send_entries(kafka, topic, [{"key": "k1", "seq": 1, "poison": True, "pad": "x" * 4000}])
    dead_letter_all(sink, kafka, topic, group, 1)
    letters = dlq_topic(topic, group)
    set_topic_config(kafka, topic, {"max.message.bytes": "1024"})  # the letter no longer fits

    assert dlq.main(["redrive", letters], bootstrap=kafka.bootstrap) == 1
    assert "1 dead letter(s) not redriven" in capsys.readouterr().err
    with pytest.raises(dlq.RedriveFailed):
        dlq.redrive(kafka.bootstrap, letters, progress=False)  # still there, still refused

    set_topic_config(kafka, topic, {"max.message.bytes": "1048588"})  # the cause is fixed
    assert dlq.redrive(kafka.bootstrap, letters, progress=False) == 1
    assert ids_in(kafka, topic) == [large.id, large.id]


def test_thousands_of_failing_events_never_keep_the_consumer_from_polling_within_its_interval(
    sink, topic, kafka: KafkaServer, unique
):
    """Scaled down: 60 failing events against a 10 s max poll interval stand for thousands
    against the default 300 s (slept through, they took 72 s). A rebalance may still write a
    letter twice (the DLQ is at least once), but the group must catch up and lose none."""
    poison = send_entries(kafka, topic, [{"key": f"p{n}", "seq": 1, "poison": True} for n in range(60)])
    send_entries(kafka, topic, [{"key": "k1", "seq": n} for n in range(1, 11)])
    group = unique("ledger")
    consumer = ledger.consumer(sink, kafka.bootstrap, topic, group, max_poll_interval_ms=10_000)
    offsets = OffsetsReader(kafka.bootstrap, group, [topic])

    def caught_up() -> bool:
        _committed, lag = offsets.read()
        return lag == 0 and ledger.applied_count(sink) == 10

    try:
        with running(consumer.run):
            assert wait_for(caught_up, timeout_s=90, interval_s=1), "the group never caught up"
            letters = ids_in(kafka, dlq_topic(topic, group))
    finally:
        offsets.close()

    assert set(letters) == {event.id for event in poison}, "a failing event missing from the DLQ"
    assert len(letters) < 2 * len(poison), "the same batch dead-lettered over and over"
    result = audit(sink)
    assert (result.applied, result.duplicates, result.out_of_order) == (10, [], [])


def set_topic_config(kafka: KafkaServer, topic: str, configs: dict[str, str]) -> None:
    admin = KafkaAdminClient(**client_config(kafka.bootstrap))
    try:
        admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, topic, configs=configs)])
    finally:
        admin.close()
