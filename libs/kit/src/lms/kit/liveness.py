"""Whether a consumer is making progress, as the consumer itself sees it.

A consumer makes progress when a poll returns while it is a member of its group (a known
coordinator, a settled assignment) and it either applied what the poll returned or had nothing
left to read. A consumer that cannot find its coordinator, has not joined, or polls with lag and
applies nothing, makes none. `Liveness` keeps the time of the last progress; past `stall_after_s`
the consumer is stalled: its readiness check fails (naming the group and the last error) and the
runner replaces its Kafka client with a fresh one (decision 0080).

kafka-python has no public accessor for the coordinator or for a partition's position without a
network round trip, so `member_problem` and `consumer_lag` read its state directly;
libs/kit/tests/integration/test_liveness.py fails if that stops working.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from lms.kit.metrics import INBOX_LAG, INBOX_LAST_POLL, INBOX_REJOINS

STALL_AFTER_S = 60.0  # well past a normal rebalance, well short of "minutes of nothing"


class Stalled(RuntimeError):
    """The consumer made no progress for longer than its bound (the reason is the message)."""


class Liveness:
    """The progress of one consumer, shared by its loop (which records) and probes (which ask)."""

    def __init__(
        self, group: str, stall_after_s: float = STALL_AFTER_S, clock: Callable[[], float] = time.monotonic
    ):
        self.group = group
        self.stall_after_s = stall_after_s
        self._clock = clock
        self._lock = threading.Lock()
        self._progress_at = self._rejoined_at = clock()
        self._why = "has not polled yet"
        self.lag: int | None = None

    def polled(self, *, applied: int, lag: int | None, problem: str | None) -> None:
        """After a poll that returned: `problem` says why the consumer is not a working member."""
        with self._lock:
            if lag is not None:
                self.lag = lag
                INBOX_LAG.labels(self.group).set(lag)
            if problem is not None:
                self._why = problem
                return
            INBOX_LAST_POLL.labels(self.group).set(time.time())
            if applied or lag == 0:
                self._progress_at = self._clock()
            else:
                self._why = f"{lag if lag is not None else 'unknown'} records behind and nothing applied"

    def failed(self, error: BaseException) -> None:
        """A poll, a join or a batch failed: the reason a stall will be reported with."""
        with self._lock:
            self._why = f"{type(error).__name__}: {error}"[:300]

    def stalled_for(self) -> float:
        """Seconds past the bound without progress (0 while the consumer is making progress)."""
        with self._lock:
            return max(0.0, self._clock() - self._progress_at - self.stall_after_s)

    def due_for_rejoin(self) -> str | None:
        """Why the client should be replaced now, once per bound while no progress is made."""
        with self._lock:
            now = self._clock()
            if now - max(self._progress_at, self._rejoined_at) <= self.stall_after_s:
                return None
            self._rejoined_at = now
            INBOX_REJOINS.labels(self.group).inc()
            return f"no progress for {now - self._progress_at:.0f} s ({self._why})"

    def check(self) -> None:
        """A readiness check: raises `Stalled` while the consumer makes no progress."""
        with self._lock:
            idle = self._clock() - self._progress_at
            if idle > self.stall_after_s:
                raise Stalled(f"consumer group {self.group}: no progress for {idle:.0f} s ({self._why})")


def member_problem(consumer: Any) -> str | None:
    """Why `consumer` is not a working member of its group right now, or None when it is."""
    coordinator = getattr(consumer, "_coordinator", None)
    if coordinator is None or getattr(consumer, "config", {}).get("group_id") is None:
        return None  # not a group member (a stand-in, or manually assigned partitions)
    if coordinator.coordinator_id is None:
        return "group coordinator unknown"
    if not coordinator.stable():
        return "not joined to the group"
    return None


def consumer_lag(consumer: Any) -> int | None:
    """Records between the consumer's positions and the partitions' ends as last fetched; None
    until every assigned partition has a position and a fetched end."""
    subscription = getattr(consumer, "_subscription", None)
    if subscription is None:
        return None
    positions = subscription.all_consumed_offsets()
    total = 0
    for partition in consumer.assignment():
        end = consumer.highwater(partition)
        if end is None or partition not in positions:
            return None
        total += max(0, end - positions[partition].offset)
    return total
