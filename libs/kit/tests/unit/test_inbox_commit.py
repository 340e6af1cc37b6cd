"""An offset commit that fails after a batch was applied (the group coordinator moved with a dead
broker) is tried again at the next poll, not left behind until the partition's next record."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from kafka import TopicPartition
from kafka.errors import KafkaTimeoutError

from lms.kit.inbox import InboxConsumer


class Coordinator:
    """A consumer stand-in: one batch, then nothing; the first `failures` commits time out."""

    def __init__(self, failures: int):
        self.batches = [{TopicPartition("t", 0): [SimpleNamespace(offset=7)]}]
        self.failures = failures
        self.commits = 0

    def poll(self, timeout_ms: int) -> dict[TopicPartition, list[Any]]:
        return self.batches.pop(0) if self.batches else {}

    def commit(self) -> None:
        if self.failures:
            self.failures -= 1
            raise KafkaTimeoutError("coordinator not available")
        self.commits += 1


class Applying(InboxConsumer):
    def _apply(self, records: list[Any]) -> int:
        return len(records)


def consumer_over(coordinator: Coordinator) -> InboxConsumer:
    return Applying(
        session_factory=None,  # type: ignore[arg-type]
        bootstrap="unused:9092",
        group="g",
        topics=["t"],
        handlers={},
        consumer=coordinator,  # type: ignore[arg-type]
    )


def test_a_failed_commit_is_retried_by_the_next_empty_poll_until_it_lands():
    coordinator = Coordinator(failures=2)
    consumer = consumer_over(coordinator)
    assert consumer.poll_once() == 1
    assert coordinator.commits == 0
    consumer.poll_once()
    consumer.poll_once()
    assert coordinator.commits == 1


def test_an_idle_consumer_does_not_commit_when_nothing_is_pending():
    coordinator = Coordinator(failures=0)
    consumer = consumer_over(coordinator)
    consumer.poll_once()
    for _ in range(3):
        consumer.poll_once()
    assert coordinator.commits == 1
