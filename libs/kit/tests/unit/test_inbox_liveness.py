"""A consumer whose Kafka client stops making progress (it polls, but cannot find its group's
coordinator, as kafka-python did after a broker restart) says so once, turns its readiness red,
replaces the client after a bounded wait, and is ready again once the fresh client applies."""

from __future__ import annotations

import logging
import threading
import time
from types import SimpleNamespace
from typing import Any

import pytest
from kafka import TopicPartition

from lms.kit.inbox import InboxConsumer
from lms.kit.liveness import Liveness, Stalled

PARTITION = TopicPartition("t", 0)


class LostCoordinator:
    """A client stuck looking for its coordinator: every poll returns nothing, at once."""

    def __init__(self) -> None:
        self._coordinator = SimpleNamespace(coordinator_id=None, stable=lambda: True)
        self.config = {"group_id": "g"}
        self.closed = False

    def poll(self, timeout_ms: int) -> dict:
        time.sleep(0.01)
        return {}

    def close(self, autocommit: bool) -> None:
        self.closed = True


class Working:
    """A client that is a member of the group: one batch, then caught up."""

    def __init__(self) -> None:
        self._coordinator = SimpleNamespace(coordinator_id="coordinator-1", stable=lambda: True)
        self.config = {"group_id": "g"}
        self._subscription = SimpleNamespace(all_consumed_offsets=self.positions)
        self.batches = [[SimpleNamespace(offset=0, topic="t", partition=0)]]
        self.joined_at = time.monotonic() + 0.25  # its first polls join the group and fetch
        self.position = 0
        self.closed = False

    def poll(self, timeout_ms: int) -> dict:
        time.sleep(0.01)
        if not self.batches or time.monotonic() < self.joined_at:
            return {}
        batch = self.batches.pop(0)
        self.position = batch[-1].offset + 1
        return {PARTITION: batch}

    def positions(self) -> dict:
        return {PARTITION: SimpleNamespace(offset=self.position)}

    def assignment(self) -> set:
        return {PARTITION}

    def highwater(self, partition: TopicPartition) -> int:
        return 1

    def commit(self) -> None:
        pass

    def close(self, autocommit: bool) -> None:
        self.closed = True


class Stuck(InboxConsumer):
    def __init__(self, stall_after_s: float):
        super().__init__(
            session_factory=None,  # type: ignore[arg-type]
            bootstrap="unused:9092",
            group="lms.insights",
            topics=["t"],
            handlers={},
            stall_after_s=stall_after_s,
        )
        self.clients: list[Any] = []
        self.applied: list[int] = []

    def start(self) -> None:
        if self._consumer is None:
            self._consumer = LostCoordinator() if not self.clients else Working()  # type: ignore[assignment]
            self.clients.append(self._consumer)

    def _apply(self, records: list[Any]) -> int:
        self.applied += [record.offset for record in records]
        return len(records)


def readiness(consumer: InboxConsumer) -> str:
    try:
        consumer.liveness.check()
    except Stalled as exc:
        return f"red: {exc}"
    return "green"


def test_a_client_that_cannot_find_its_coordinator_is_replaced_and_readiness_is_red_until_it_applies(
    caplog,
):
    consumer = Stuck(stall_after_s=0.5)
    stop = threading.Event()
    seen: list[str] = []
    runner = threading.Thread(target=consumer.run, args=(stop,))
    with caplog.at_level(logging.ERROR, logger="lms.kit.inbox"):
        runner.start()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not consumer.applied:
            seen.append(readiness(consumer))
            time.sleep(0.02)
        time.sleep(0.1)
        seen.append(readiness(consumer))
        stop.set()
        runner.join(timeout=10)

    stuck = consumer.clients[0]
    assert (stuck.closed, len(consumer.clients) >= 2, consumer.applied) == (True, True, [0])
    reds = [state for state in seen if state.startswith("red")]
    assert reds, "readiness never turned red while the consumer made no progress"
    assert all("consumer group lms.insights: no progress for" in red for red in reds)
    assert seen[-1] == "green"
    lines = [
        r.getMessage() for r in caplog.records if "rejoining with a fresh Kafka client" in r.getMessage()
    ]
    assert lines
    assert "consumer group lms.insights: no progress for" in lines[0]
    assert "group coordinator unknown" in lines[0]


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_member_with_lag_that_applies_nothing_is_stalled_but_an_idle_caught_up_one_is_not():
    clock = Clock()
    busy, idle = Liveness("busy", 30, clock), Liveness("idle", 30, clock)
    for _ in range(10):
        clock.now += 5
        busy.polled(applied=0, lag=12, problem=None)
        idle.polled(applied=0, lag=0, problem=None)
    idle.check()
    with pytest.raises(
        Stalled, match="busy: no progress for 50 s \\(12 records behind and nothing applied\\)"
    ):
        busy.check()
    assert busy.due_for_rejoin() is not None
    assert busy.due_for_rejoin() is None  # once per bound, not at every poll
    clock.now += 31
    assert busy.due_for_rejoin() is not None
    busy.polled(applied=3, lag=9, problem=None)
    busy.check()
