"""Operator commands for dead letters: list them, and redrive them to their original topic.

Services expose these as `python -m lms.<service> dlq list|redrive`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from kafka import KafkaConsumer, TopicPartition
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


def redrive(bootstrap: str, topic: str, event_id: str | None = None, progress: bool = True) -> int:
    """Publish dead letters of `topic` back to their original topics, each once.

    The redrive group's committed offsets remember what was redriven already. The
    consumers apply a redriven event like a new one (the inbox only records applied ones).
    """
    consumer = make_consumer(bootstrap, REDRIVE_GROUP)
    partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
    consumer.assign(partitions)
    producer = make_producer(bootstrap)
    sent = 0
    try:
        letters = list(read_dead_letters(bootstrap, topic, consumer=consumer))
        for letter in tqdm(letters, desc=f"redrive {topic}", unit="event", disable=not progress):
            if event_id and letter.header("ce_id") != event_id:
                continue
            producer.send(
                letter.header("dlq_original_topic"),
                key=letter.key,
                value=letter.value,
                headers=letter.original_headers,
            )
            sent += 1
        producer.flush(timeout=30)
        consumer.commit()
    finally:
        producer.close(timeout=5)
        consumer.close(autocommit=False)
    return sent


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
        sent = redrive(args.bootstrap, args.topic, args.event_id)
        print(f"redrove {sent} dead letter(s) from {args.topic}", file=sys.stderr)
    return 0
