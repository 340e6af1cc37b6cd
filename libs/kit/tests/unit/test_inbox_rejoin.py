"""A consumer whose client fails while polling (a dead broker left the metadata while a fetch to
it was being built) rejoins with a fresh client instead of dying, and applies what follows."""

from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import Any

from kafka import TopicPartition
from kafka.errors import UnknownBrokerIdError

from lms.kit.inbox import InboxConsumer

PARTITION = TopicPartition("t", 0)


class Client:
    """A consumer stand-in: the first one fails on its first poll, as kafka-python 3 does."""

    def __init__(self, broken: bool, batches: list[list[int]]):
        self.broken, self.batches, self.closed, self.commits = broken, batches, False, 0

    def poll(self, timeout_ms: int) -> dict[TopicPartition, list[Any]]:
        if self.broken:
            raise UnknownBrokerIdError(2)
        if not self.batches:
            return {}
        return {PARTITION: [SimpleNamespace(offset=offset) for offset in self.batches.pop(0)]}

    def commit(self) -> None:
        self.commits += 1

    def close(self, autocommit: bool) -> None:
        assert autocommit is False  # offsets are committed only after the database
        self.closed = True


class Rejoining(InboxConsumer):
    def __init__(self, stop: threading.Event):
        super().__init__(session_factory=None, bootstrap="unused:9092", group="g", topics=["t"], handlers={})  # type: ignore[arg-type]
        self.stop, self.clients, self.applied = stop, [], []

    def start(self) -> None:
        if self._consumer is None:
            self._consumer = Client(broken=not self.clients, batches=[[1, 2], [3]])
            self.clients.append(self._consumer)

    def _apply(self, records: list[Any]) -> int:
        self.applied += [record.offset for record in records]
        if self.applied == [1, 2, 3]:
            self.stop.set()
        return len(records)


def test_a_client_failing_in_poll_is_replaced_and_the_records_are_applied():
    stop = threading.Event()
    consumer = Rejoining(stop)
    runner = threading.Thread(target=consumer.run, args=(stop,))
    runner.start()
    runner.join(timeout=30)
    stop.set()
    assert not runner.is_alive()
    first, second = consumer.clients
    assert (first.closed, first.commits) == (True, 0)
    assert consumer.applied == [1, 2, 3]
    assert (second.commits, second.closed) == (2, True)
