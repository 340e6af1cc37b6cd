"""The brokers authenticate every client and allow each principal only what infra/kafka/access.toml
declares: checked against the real broker, each service acting as itself on a run's own topics."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from kafka import KafkaConsumer, TopicPartition
from kafka.errors import GroupAuthorizationFailedError, KafkaError, TopicAuthorizationFailedError
from sqlalchemy import Engine

from lms.kit import dlq
from lms.kit.cloudevents import CloudEvent, kafka_headers
from lms.kit.config import Settings
from lms.kit.db import make_session_factory
from lms.kit.inbox import InboxConsumer, dlq_topic
from lms.kit.kafka import client_config, make_admin, make_producer
from lms.kit.kafka_admin import TopicSpec, ensure_topics
from lms.testing import ledger
from lms.testing.infra import KafkaServer
from lms.testing.ledger import wait_for

pytestmark = pytest.mark.integration
REFUSED_WITHIN_MS = 6_000  # how long a refused client may try before it gives up


@pytest.fixture
def prefix(kafka: KafkaServer, unique: Callable[[str], str]) -> Iterator[str]:
    """A run's own topics of every service, with the declared ACLs on them."""
    name = f"{unique('acl')}."
    topics = [Settings(service=s, topic_prefix=name).topic for s in ("assessment", "people", "insights")]
    ensure_topics(kafka.bootstrap, [TopicSpec(topic, 2) for topic in topics])
    with kafka.granted(name):
        yield name


@pytest.fixture
def act_as(kafka: KafkaServer, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Every client the test builds from now on authenticates as this principal (as a process would)."""

    def switch(principal: str) -> None:
        for name, value in kafka.process_env(principal).items():
            monkeypatch.setenv(name, value)

    return switch


def event(key: str, seq: int, poison: bool = False) -> CloudEvent:
    return CloudEvent.new(ledger.EVENT_TYPE, "/test", {"key": key, "seq": seq, "poison": poison}, subject=key)


def publish(bootstrap: str, topic: str, *events: CloudEvent) -> None:
    producer = make_producer(bootstrap)
    try:
        for one in events:
            producer.send(
                topic, key=one.subject.encode(), value=one.value(), headers=kafka_headers(one.headers())
            )
        producer.flush(timeout=30)
    finally:
        producer.close(timeout=5)


def connects(bootstrap: str, **security: object) -> None:
    """Bootstrap an admin client with these settings and list the topics it may see."""
    admin = make_admin(
        bootstrap, bootstrap_timeout_ms=REFUSED_WITHIN_MS, request_timeout_ms=5_000, **security
    )
    try:
        admin.list_topics()
    finally:
        admin.close()


def records_in(kafka: KafkaServer, topic: str) -> int:
    """How many records `topic` holds, as the super user sees it."""
    reader = KafkaConsumer(**client_config(kafka.bootstrap, **kafka.principal("admin")))
    try:
        partitions = [TopicPartition(topic, p) for p in reader.partitions_for_topic(topic) or ()]
        return sum(reader.end_offsets(partitions).values())
    finally:
        reader.close()


def test_a_client_without_credentials_is_refused(kafka: KafkaServer):
    connects(kafka.bootstrap, **kafka.principal("progress"))  # the same client, authenticated, is served
    with pytest.raises(KafkaError):
        connects(kafka.bootstrap, security_protocol="PLAINTEXT")


def test_a_wrong_password_is_refused(kafka: KafkaServer):
    connects(kafka.bootstrap, **kafka.principal("progress"))  # only the password differs below
    with pytest.raises(KafkaError):
        connects(kafka.bootstrap, **kafka.principal("progress", password="not-progress-s-password"))


def test_progress_may_produce_to_its_own_topic_but_not_to_people_s(kafka: KafkaServer, prefix: str, act_as):
    settings = Settings(service="progress", topic_prefix=prefix)
    ensure_topics(kafka.bootstrap, [TopicSpec(settings.topic, 2)])
    act_as("progress")
    producer = make_producer(kafka.bootstrap)
    try:
        producer.send(settings.topic, key=b"k1", value=b"{}").get(timeout=30)
        forged = producer.send(settings.topic_of("people"), key=b"k1", value=b"{}")
        with pytest.raises(TopicAuthorizationFailedError):
            forged.get(timeout=30)
    finally:
        producer.close(timeout=5)


def read_as_group(bootstrap: str, group: str, topic: str) -> int:
    """Records a group consumer gets from `topic` within a few polls (errors propagate)."""
    consumer = KafkaConsumer(**client_config(bootstrap, group_id=group, auto_offset_reset="earliest"))
    consumer.subscribe([topic])
    try:
        got = 0
        for _ in range(20):
            got += sum(len(batch) for batch in consumer.poll(timeout_ms=500).values())
            if got:
                return got
        return got
    finally:
        consumer.close(autocommit=False)


def test_insights_reads_what_it_consumes_and_nothing_else(kafka: KafkaServer, prefix: str, act_as):
    insights = Settings(service="insights", topic_prefix=prefix)
    publish(kafka.bootstrap, insights.topic_of("people"), event("k1", 1))
    publish(kafka.bootstrap, insights.topic, event("k1", 1))  # its own: needs analyses, never read back
    act_as("insights")
    assert read_as_group(kafka.bootstrap, insights.consumer_group, insights.topic_of("people")) == 1
    with pytest.raises(TopicAuthorizationFailedError):
        read_as_group(kafka.bootstrap, insights.consumer_group, insights.topic)
    progress_group = Settings(service="progress", topic_prefix=prefix).consumer_group
    with pytest.raises(GroupAuthorizationFailedError):
        read_as_group(kafka.bootstrap, progress_group, insights.topic_of("people"))


def test_dead_letters_are_redriven_by_the_tools_principal_and_applied_by_the_service(
    kafka: KafkaServer, prefix: str, act_as, sink: Engine
):
    progress = Settings(service="progress", topic_prefix=prefix)
    source, group = progress.topic_of("assessment"), progress.consumer_group
    letters = dlq_topic(source, group)
    publish(kafka.bootstrap, source, event("k1", 1, poison=True))

    act_as("progress")  # the consumer makes its dead-letter topic and writes the poison there
    broken = ledger.consumer(sink, kafka.bootstrap, source, group)
    try:
        assert wait_for(lambda: broken.poll_once(200) >= 0 and records_in(kafka, letters) == 1, 60)
    finally:
        broken.close()

    act_as("tools")
    assert [
        letter.header("dlq_error_type") for letter in dlq.read_dead_letters(kafka.bootstrap, letters)
    ] == ["ValueError"]
    assert dlq.redrive(kafka.bootstrap, letters, progress=False) == 1

    def accept_poison(session, events):  # the fixed release of the handler
        fixed_events = [CloudEvent(**{**e.__dict__, "data": {**e.data, "poison": False}}) for e in events]
        ledger.apply_entries(session, fixed_events)

    act_as("progress")
    fixed = InboxConsumer(
        session_factory=make_session_factory(sink),
        bootstrap=kafka.bootstrap,
        group=group,
        topics=[source],
        handlers={},
        batch_handlers={ledger.EVENT_TYPE: accept_poison},
        registry=ledger.registry(),
    )
    try:
        assert wait_for(lambda: fixed.poll_once(200) >= 0 and ledger.applied_count(sink) == 1, 60)
    finally:
        fixed.close()
