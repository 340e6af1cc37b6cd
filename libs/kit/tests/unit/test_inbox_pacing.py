"""Fetches are held 100 ms while records flow and only after idle_after_s without any, 500 ms."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from kafka import TopicPartition

from lms.kit import inbox
from lms.kit.inbox import InboxConsumer
from lms.kit.kafka import BUSY_FETCH_WAIT_MS, IDLE_FETCH_WAIT_MS


class Scripted:
    """A consumer stand-in whose polls return the scripted batches (None: nothing)."""

    def __init__(self, script: list[int | None]):
        self.script = script
        self._fetcher = SimpleNamespace(config={"fetch_max_wait_ms": BUSY_FETCH_WAIT_MS})

    def poll(self, timeout_ms: int) -> dict[TopicPartition, list[Any]]:
        offset = self.script.pop(0)
        return {} if offset is None else {TopicPartition("t", 0): [SimpleNamespace(offset=offset)]}

    def commit(self) -> None:
        pass


class Applying(InboxConsumer):
    def _apply(self, records: list[Any]) -> int:
        return len(records)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    now = [1000.0]
    monkeypatch.setattr(inbox.time, "monotonic", lambda: now[0])
    return now


def test_fetch_holds_follow_the_records(clock):
    scripted = Scripted([None, None, 1, None, None, None, 2])
    consumer = Applying(
        session_factory=None,  # type: ignore[arg-type]
        bootstrap="unused:9092",
        group="g",
        topics=["t"],
        handlers={},
        idle_after_s=5.0,
        consumer=scripted,  # type: ignore[arg-type]
    )

    def poll_after(seconds: float) -> int:
        clock[0] += seconds
        consumer.poll_once()
        return scripted._fetcher.config["fetch_max_wait_ms"]

    assert poll_after(1) == BUSY_FETCH_WAIT_MS  # just started: a backlog may be waiting
    assert poll_after(5) == IDLE_FETCH_WAIT_MS  # six seconds without a record
    assert poll_after(1) == BUSY_FETCH_WAIT_MS  # a record: at once back to short holds
    assert poll_after(1) == BUSY_FETCH_WAIT_MS  # a short gap between batches is not idleness
    assert poll_after(3) == BUSY_FETCH_WAIT_MS
    assert poll_after(2) == IDLE_FETCH_WAIT_MS
    assert poll_after(0.5) == BUSY_FETCH_WAIT_MS
