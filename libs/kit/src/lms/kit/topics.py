"""Read a topic as it stands now: the one reader the DLQ, rebuilds and tests share.

    snapshot = read_topic(bootstrap, "lms.progress.events")
    print(snapshot.total)                     # records up to the end seen at the call
    for record in snapshot: ...               # kafka ConsumerRecords, partition by partition

The end offsets are taken when `read_topic` is called, so the read ends there even while
producers keep writing; no consumer group is joined (unless you pass a group consumer,
which then reads from its committed positions and commits nothing by itself).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from kafka import KafkaConsumer, TopicPartition

from lms.kit.kafka import client_config


class TopicSnapshot:
    """The records of one topic between the start positions and the end offsets seen at creation."""

    def __init__(self, reader: KafkaConsumer, topic: str, owned: bool, idle_timeout_s: float, batch: int):
        self._reader, self._owned = reader, owned
        self._idle_timeout_s, self._batch = idle_timeout_s, batch
        self.partitions = [TopicPartition(topic, p) for p in sorted(reader.partitions_for_topic(topic) or ())]
        if owned and self.partitions:
            reader.assign(self.partitions)
            reader.seek_to_beginning(*self.partitions)
        self.end = reader.end_offsets(self.partitions) if self.partitions else {}
        self.total = sum(max(self.end[tp] - reader.position(tp), 0) for tp in self.partitions)

    def __iter__(self) -> Iterator[Any]:
        try:
            yield from self._records()
        finally:
            self.close()

    def close(self) -> None:
        """Release the consumer this snapshot opened (a consumer passed in stays open)."""
        if self._owned:
            self._reader.close()

    def _records(self) -> Iterator[Any]:
        remaining = self._unfinished(set(self.partitions))
        last_progress = time.monotonic()
        while remaining:
            batches = self._reader.poll(timeout_ms=1_000, max_records=self._batch)
            for tp, records in sorted(batches.items()):
                yield from (r for r in records if r.offset < self.end[tp])
            if batches:
                last_progress = time.monotonic()
            elif time.monotonic() - last_progress > self._idle_timeout_s:
                waiting = sorted(f"{tp.topic}/{tp.partition}" for tp in remaining)
                raise TimeoutError(f"no records from {waiting} for {self._idle_timeout_s} s")
            remaining = self._unfinished(remaining)

    def _unfinished(self, partitions: set[TopicPartition]) -> set[TopicPartition]:
        return {tp for tp in partitions if self._reader.position(tp) < self.end[tp]}


def read_topic(
    bootstrap: str,
    topic: str,
    *,
    consumer: KafkaConsumer | None = None,
    idle_timeout_s: float = 60.0,
    batch: int = 500,
) -> TopicSnapshot:
    """Every record of `topic` from its beginning (or `consumer`'s positions) to its end now.

    Iterating yields kafka-python `ConsumerRecord`s and closes the reader at the end; a
    partition that stops answering for `idle_timeout_s` raises TimeoutError.
    """
    reader = consumer or KafkaConsumer(**client_config(bootstrap, enable_auto_commit=False))
    if consumer is not None and not consumer.assignment():
        partitions = consumer.partitions_for_topic(topic) or ()
        consumer.assign([TopicPartition(topic, p) for p in partitions])
    return TopicSnapshot(reader, topic, owned=consumer is None, idle_timeout_s=idle_timeout_s, batch=batch)
