"""A sample service for the kit's own tests and `bench/outbox_pipeline.py`.

A writer records numbered entries per key through the outbox; a consumer applies them to
an `applied` table. Exactly-once and per-key order are then checked from the table:
every (key, seq) appears once, and per key the seqs were applied as 1, 2, 3, ...

Run its processes on their own (the fault tests SIGKILL them):
    python -m lms.testing.ledger relay|consume --db URL --bootstrap HOST:PORT --topic T --group G
"""

from __future__ import annotations

import argparse
import logging
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import count

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    func,
    select,
)
from sqlalchemy.orm import Session

from lms.contracts import Registry, default_registry
from lms.contracts.events import EventType
from lms.kit.cloudevents import CloudEvent
from lms.kit.db import insert_rows, make_engine, make_session_factory
from lms.kit.inbox import InboxConsumer
from lms.kit.messaging import metadata as messaging_metadata
from lms.kit.migrations import wake_relays
from lms.kit.outbox import Outbox
from lms.kit.process import settle_collector, stop_on_signals
from lms.kit.relay import OutboxRelay
from lms.kit.uow import UnitOfWork

EVENT_TYPE = "lms.ledger.entry.recorded.v1"
ENTRY = EventType(EVENT_TYPE, "key")
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "x-kafka-key": "key",
    "type": "object",
    "required": ["key", "seq"],
    "properties": {
        "key": {"type": "string"},
        "seq": {"type": "integer", "minimum": 1},
        "poison": {"type": "boolean"},
    },
}

metadata = MetaData()
applied = Table(
    "applied",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(100), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("event_id", String(64), nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)


def registry() -> Registry:
    found = Registry({t: default_registry().schema(t) for t in default_registry().types()})
    found.register(EVENT_TYPE, SCHEMA)
    return found


def create_schema(engine: Engine) -> None:
    """What a service's migrations make: the kit's tables, the outbox's trigger, `applied`."""
    messaging_metadata.create_all(engine)
    metadata.create_all(engine)
    with engine.begin() as connection:
        wake_relays(connection)


class Writer:
    """Writes entries in transactions of `per_tx`, round-robin over `keys` keys."""

    def __init__(self, engine: Engine, topic: str, keys: int = 50, key_prefix: str = "k"):
        self.sessions = make_session_factory(engine)
        self.outbox = Outbox(source="/ledger", topic=topic, registry=registry())
        self.keys = [f"{key_prefix}{n}" for n in range(keys)]
        self.next_seq: dict[str, count] = defaultdict(lambda: count(1))
        self._turn = count()

    def unit(self) -> UnitOfWork:
        return UnitOfWork(self.sessions, self.outbox)

    def write(self, transactions: int, per_tx: int = 10) -> int:
        for _ in range(transactions):
            with self.unit() as uow:
                for _ in range(per_tx):
                    key = self.keys[next(self._turn) % len(self.keys)]
                    uow.announce(ENTRY, {"key": key, "seq": next(self.next_seq[key])})
                uow.commit()
        return transactions * per_tx


def apply_entries(session: Session, events: list[CloudEvent]) -> None:
    """A run of entries in one multi-row insert (a poison entry fails the run; the kit retries alone)."""
    for event in events:
        if event.data.get("poison"):
            raise ValueError(f"entry {event.data['key']}/{event.data['seq']} is poison")
    now = datetime.now(UTC)
    rows = [{"key": e.data["key"], "seq": e.data["seq"], "event_id": e.id, "applied_at": now} for e in events]
    insert_rows(session, applied, rows)  # COPY from a few rows on PostgreSQL, as services write


def consumer(engine: Engine, bootstrap: str, topic: str, group: str, **kwargs: object) -> InboxConsumer:
    return InboxConsumer(
        session_factory=make_session_factory(engine),
        bootstrap=bootstrap,
        group=group,
        topics=[topic],
        handlers={},
        batch_handlers={EVENT_TYPE: apply_entries},
        registry=registry(),
        **kwargs,
    )


@dataclass(frozen=True)
class Audit:
    applied: int
    duplicates: list[tuple[str, int]]
    out_of_order: list[str]

    @property
    def exactly_once_in_order(self) -> bool:
        return not self.duplicates and not self.out_of_order


def audit(engine: Engine) -> Audit:
    """What was applied: duplicates of (key, seq), and keys whose seqs came out of order."""
    seqs: dict[str, list[int]] = defaultdict(list)
    with engine.connect() as conn:
        for key, seq in conn.execute(select(applied.c.key, applied.c.seq).order_by(applied.c.id)):
            seqs[key].append(seq)
    duplicates = [(k, s) for k, ss in seqs.items() for s in set(ss) if ss.count(s) > 1]
    disorder = [k for k, ss in seqs.items() if ss != list(range(1, len(ss) + 1))]
    return Audit(sum(map(len, seqs.values())), duplicates, disorder)


def applied_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(applied)) or 0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m lms.testing.ledger")
    parser.add_argument("process", choices=["relay", "consume"])
    parser.add_argument("--db", required=True)
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--group", default="ledger")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    engine = make_engine(args.db)
    settle_collector()  # as a service's relay and consume processes do
    stop = stop_on_signals()
    if args.process == "relay":
        OutboxRelay(engine, args.bootstrap).run(stop)
    else:
        consumer(engine, args.bootstrap, args.topic, args.group).run(stop)


def wait_for(predicate: Callable[[], bool], timeout_s: float, interval_s: float = 0.2) -> bool:
    """Poll `predicate` until it holds or `timeout_s` passes; return whether it held."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval_s)
    return predicate()


if __name__ == "__main__":
    main()
