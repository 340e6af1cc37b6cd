"""A consumer group's progress as the brokers see it: the web process's view of its consumers.

A service's consumers run in other processes (the worker, or `consume` pods), so its web process
cannot ask them how they are; it asks Kafka instead. The group is behind when its committed
offsets trail the topics' ends, and stuck when it stays behind with nothing committed for
`stall_after_s` (or its offsets cannot be read that long). `GroupProgress.check` is then a failing
readiness check that names the group and why, so `/readyz` is red while the events the service
answers from are not being applied, and green again once the group commits (decision 0080).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from kafka import TopicPartition

from lms.kit.kafka import make_consumer
from lms.kit.liveness import STALL_AFTER_S, Stalled

READ_BUDGET_S = 2.0  # a readiness probe times out after 3 s
Offsets = dict[TopicPartition, int]


class OffsetsReader:
    """Reads a group's committed offsets and its topics' end offsets, without joining the group."""

    def __init__(self, bootstrap: str, group: str, topics: Iterable[str]):
        self.bootstrap, self.group, self.topics = bootstrap, group, list(topics)
        self._client: Any = None

    def read(self) -> tuple[Offsets, int]:
        """The committed offsets and the records between them and the ends (all of a partition
        the group never committed in). A client that failed is replaced at the next read."""
        try:
            return self._read(time.monotonic() + READ_BUDGET_S)
        except Exception:
            self.close()
            raise

    def _read(self, deadline: float) -> tuple[Offsets, int]:
        if self._client is None:
            self._client = make_consumer(self.bootstrap, self.group)  # subscribes to nothing
        client = self._client
        partitions = [
            TopicPartition(t, p) for t in self.topics for p in sorted(client.partitions_for_topic(t) or ())
        ]
        ends = client.end_offsets(partitions, timeout_ms=_left(deadline))
        committed: Offsets = {}
        for partition in partitions:
            offset = client.committed(partition, timeout_ms=_left(deadline))
            if offset is not None:
                committed[partition] = offset
        starts = client.beginning_offsets(
            [p for p in partitions if p not in committed], timeout_ms=_left(deadline)
        )
        lag = sum(max(0, ends[p] - committed.get(p, starts.get(p, 0))) for p in partitions)
        return committed, lag

    def close(self) -> None:
        if self._client is not None:
            self._client.close(autocommit=False)
            self._client = None


def _left(deadline: float) -> int:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError(f"offsets not read within {READ_BUDGET_S:.0f} s")
    return int(left * 1000)


class GroupProgress:
    """A readiness check: fails while `group` is behind and has committed nothing for the bound.

    The offsets are read in the background, at most every `cache_s` while the check is asked: a
    probe never waits on a broker (a client that cannot bootstrap blocks for 30 s), and a read
    that hangs simply leaves the last progress where it was, so the check turns red in time."""

    def __init__(
        self,
        reader: Any,
        group: str,
        *,
        stall_after_s: float = STALL_AFTER_S,
        cache_s: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
        spawn: Callable[[Callable[[], None]], None] | None = None,
    ):
        self.reader, self.group = reader, group
        self.stall_after_s, self.cache_s, self._clock = stall_after_s, cache_s, clock
        self._spawn = spawn or _in_thread
        self._lock = threading.RLock()  # a spawn that reads at once (tests) re-enters it
        self._progress_at = clock()
        self._read_at: float | None = None
        self._reading = False
        self._done_at = self._progress_at
        self._committed: Offsets | None = None
        self._why = "offsets not read yet"

    @classmethod
    def of(cls, bootstrap: str, group: str, topics: Iterable[str], **options: Any) -> GroupProgress:
        return cls(OffsetsReader(bootstrap, group, topics), group, **options)

    def check(self) -> None:
        with self._lock:
            now = self._clock()
            if self._read_at is None:  # the first probe starts the watch, not the process start
                self._progress_at = self._done_at = now
            stale = self._read_at is None or now - self._read_at >= self.cache_s
            if stale and not self._reading:
                self._reading, self._read_at = True, now
                self._spawn(self._observe)
            idle = self._evidence_at(now) - self._progress_at
            if idle > self.stall_after_s:
                raise Stalled(f"consumer group {self.group}: {self._reason(now)} for {idle:.0f} s")

    def _overdue(self, now: float) -> bool:
        return self._reading and self._read_at is not None and now - self._read_at > READ_BUDGET_S

    def _evidence_at(self, now: float) -> float:
        """Until when the reads tell anything: the last one that finished, or now while one is
        overdue (after a quiet spell without probes, the first probe judges nothing)."""
        return now if self._overdue(now) else self._done_at

    def _reason(self, now: float) -> str:
        if self._overdue(now) and self._read_at is not None:
            return f"offsets unreadable (no answer for {now - self._read_at:.0f} s)"
        return self._why

    def _observe(self) -> None:
        try:
            committed, lag = self.reader.read()
        except Exception as exc:  # any failure to read counts as no progress, with its reason
            with self._lock:
                self._reading, self._done_at = False, self._clock()
                self._why = f"offsets unreadable ({type(exc).__name__}: {exc})"[:300]
            return
        with self._lock:
            self._reading, self._done_at = False, self._clock()
            if lag == 0 or committed != self._committed:
                self._progress_at = self._clock()
            else:
                self._why = f"{lag} records behind and nothing committed"
            self._committed = committed


def _in_thread(read: Callable[[], None]) -> None:
    threading.Thread(target=read, name="group-progress", daemon=True).start()
