"""Operator commands for dead letters: list them, and redrive them to their original topic.

Services expose these as `python -m lms.<service> dlq list|redrive`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kafka import KafkaConsumer, OffsetAndMetadata, TopicPartition
from kafka.errors import KafkaError
from tqdm import tqdm

from lms.kit.kafka import make_consumer, make_producer
from lms.kit.topics import read_topic

REDRIVE_GROUP = "lms.dlq-redrive"


@dataclass(frozen=True)
class DeadLetter:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: list[tuple[str, bytes]]

    def header(self, name: str) -> str:
        return next((v.decode("utf-8", "replace") for k, v in self.headers if k == name), "")

    @property
    def original_headers(self) -> list[tuple[str, bytes]]:
        return [(k, v) for k, v in self.headers if not k.startswith("dlq_")]


def read_dead_letters(
    bootstrap: str, topic: str, consumer: KafkaConsumer | None = None
) -> Iterator[DeadLetter]:
    """Every record of `topic` up to its current end: from the beginning, without joining a
    group, or from the committed positions of `consumer` (the redrive group)."""
    for r in read_topic(bootstrap, topic, consumer=consumer):
        yield DeadLetter(r.topic, r.partition, r.offset, r.key, r.value, list(r.headers or ()))


class RedriveFailed(RuntimeError):
    """Some dead letters could not be published back; they stay in the DLQ for the next redrive."""

    def __init__(self, sent: int, failed: int, error: BaseException):
        super().__init__(
            f"{failed} dead letter(s) not redriven ({type(error).__name__}: {error}); {sent} were"
        )
        self.sent, self.failed, self.error = sent, failed, error


def redrive(bootstrap: str, topic: str, event_id: str | None = None, progress: bool = True) -> int:
    """Publish dead letters of `topic` (only `event_id`'s, when given) back to their original
    topics; returns how many were acknowledged.

    The redrive group's committed offsets remember what was redriven already: in each partition
    they move past the letters that were acknowledged, up to the first one that was skipped or
    failed. A skipped letter is therefore still there for a later redrive, and so is every letter
    behind it (those redriven now are sent again then: the consumers' inbox applies an event
    once). Raises `RedriveFailed` when a letter could not be published.
    """
    consumer = make_consumer(bootstrap, REDRIVE_GROUP)
    partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
    consumer.assign(partitions)
    producer = make_producer(bootstrap)
    sends: list[tuple[DeadLetter, Any]] = []  # each letter read, with its send (None: skipped)
    try:
        letters = list(read_dead_letters(bootstrap, topic, consumer=consumer))
        for letter in tqdm(letters, desc=f"redrive {topic}", unit="event", disable=not progress):
            wanted = not event_id or letter.header("ce_id") == event_id
            sends.append((letter, _send_back(producer, letter) if wanted else None))
        producer.flush(timeout=30)
        acknowledged = {id(letter) for letter, sent in sends if sent is not None and _acknowledged(sent)}
        positions = _redriven_positions([(letter, id(letter) in acknowledged) for letter, _ in sends])
        if positions:
            consumer.commit(positions)
    finally:
        producer.close(timeout=5)
        consumer.close(autocommit=False)
    failures = [sent for _, sent in sends if sent is not None and not _acknowledged(sent)]
    if failures:
        raise RedriveFailed(len(acknowledged), len(failures), _error_of(failures[0]))
    return len(acknowledged)


def _send_back(producer: Any, letter: DeadLetter) -> Any:
    """The future of publishing `letter` to its original topic (a failed one if `send` raised)."""
    try:
        return producer.send(
            letter.header("dlq_original_topic"),
            key=letter.key,
            value=letter.value,
            headers=letter.original_headers,
        )
    except KafkaError as exc:  # no metadata for the topic within max_block_ms, a record too large
        return exc


def _acknowledged(sent: Any) -> bool:
    return not isinstance(sent, BaseException) and sent.is_done and sent.succeeded()


def _error_of(sent: Any) -> BaseException:
    if isinstance(sent, BaseException):
        return sent
    return sent.exception if sent.is_done else TimeoutError("not acknowledged within 30 s")


def _redriven_positions(outcomes: list[tuple[DeadLetter, bool]]) -> dict[TopicPartition, OffsetAndMetadata]:
    """Per partition, the position after the last letter of the unbroken run of acknowledged
    letters it starts with (letters are read partition by partition, in offset order)."""
    positions: dict[TopicPartition, OffsetAndMetadata] = {}
    stopped: set[TopicPartition] = set()
    for letter, acknowledged in outcomes:
        partition = TopicPartition(letter.topic, letter.partition)
        if partition in stopped:
            continue
        if not acknowledged:
            stopped.add(partition)
            continue
        positions[partition] = OffsetAndMetadata(letter.offset + 1, "", -1)
    return positions


def main(argv: list[str] | None = None, bootstrap: str = "127.0.0.1:9092") -> int:
    parser = argparse.ArgumentParser(prog="dlq", description=__doc__)
    parser.add_argument("--bootstrap", default=bootstrap)
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="list the dead letters of a DLQ topic")
    listing.add_argument("topic", help="e.g. lms.assessment.events.dlq.lms.progress")
    again = commands.add_parser("redrive", help="publish dead letters back to their topic")
    again.add_argument("topic")
    again.add_argument("--event-id", help="only this event")
    args = parser.parse_args(argv)
    if args.command == "list":
        count = 0
        for letter in read_dead_letters(args.bootstrap, args.topic):
            count += 1
            print(
                f"{letter.partition}:{letter.offset}\t{letter.header('ce_id')}\t{letter.header('ce_type')}\t"
                f"{letter.header('dlq_error_type')}: {letter.header('dlq_error')}"
            )
        print(f"{count} dead letter(s) in {args.topic}", file=sys.stderr)
    else:
        try:
            sent = redrive(args.bootstrap, args.topic, args.event_id)
        except RedriveFailed as exc:
            print(
                f"redrive of {args.topic} incomplete: {exc}; run it again once the cause is fixed",
                file=sys.stderr,
            )
            return 1
        print(f"redrove {sent} dead letter(s) from {args.topic}", file=sys.stderr)
    return 0
