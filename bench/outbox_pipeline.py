"""Outbox -> Kafka -> inbox throughput on PostgreSQL, against raw kafka-python in the same run.

    python bench/outbox_pipeline.py [--events 20000] [--per-tx 10]

Pipeline: a writer commits `events` ledger events through the outbox in transactions of
`per-tx`; a relay process publishes them (idempotent producer, acks=all); a consumer
process applies them through the inbox into a second database. The clock runs from the
first write to the last applied event, which is then checked: every event exactly once.
Raw: a kafka-python producer process and a consumer group process move the same number
of records of the same size. Writers alone: the same writer threads commit the same
transactions with a plain row per entry instead of an event (no outbox, no relay, no consumer).
Aims: >= 3,000 events/s end to end, >= 0.3 of raw, and >= 0.9 of the writers alone.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from load import REPO, table
from sqlalchemy import insert

from lms.kit.db import make_engine
from lms.kit.kafka import make_consumer, make_producer
from lms.kit.kafka_admin import TopicSpec, ensure_topics
from lms.kit.process import settle_collector
from lms.testing import ledger
from lms.testing.infra import start_kafka, start_postgres
from lms.testing.proc import Process

AIM_RATE, AIM_RATIO, AIM_WRITERS_RATIO = 3_000, 0.3, 0.9


def write_concurrently(source, topic: str, events: int, per_tx: int, writers: int) -> None:
    """`writers` threads, like a service's web workers; disjoint keys keep per-key order checkable."""
    share = events // writers // per_tx
    threads = [
        threading.Thread(target=ledger.Writer(source, topic, key_prefix=f"w{n}k").write, args=(share, per_tx))
        for n in range(writers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def writers_alone(url: str, events: int, per_tx: int, writers: int) -> float:
    """The writers' own commit rate: the same transactions, each entry a plain row, no event."""
    engine = make_engine(url, pool_size=writers)
    share = events // writers // per_tx

    def write(prefix: str) -> None:
        for t in range(share):
            with engine.begin() as conn:
                rows = [
                    {"key": f"{prefix}{n % 50}", "seq": t, "event_id": uuid.uuid4().hex, "applied_at": now()}
                    for n in range(per_tx)
                ]
                conn.execute(insert(ledger.applied), rows)

    threads = [threading.Thread(target=write, args=(f"w{n}k",)) for n in range(writers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    engine.dispose()
    print(f"  writers alone: {writers} writers committed {events:,} plain rows in {elapsed:.1f} s")
    return events / elapsed


def now() -> datetime:
    return datetime.now(UTC)


def pipeline(
    source_url: str,
    sink_url: str,
    bootstrap: str,
    topic: str,
    events: int,
    per_tx: int,
    logs: Path,
    writers: int,
    prewrite: bool,
) -> float:
    source, sink = make_engine(source_url, pool_size=writers), make_engine(sink_url)
    if prewrite:
        write_concurrently(source, topic, events, per_tx, writers)
    args = ["--bootstrap", bootstrap, "--topic", topic, "--group", f"bench-{uuid.uuid4().hex[:6]}"]
    relay = Process("lms.testing.ledger", ["relay", "--db", source_url, *args], logs / "relay.log")
    consumer = Process("lms.testing.ledger", ["consume", "--db", sink_url, *args], logs / "consumer.log")
    with consumer:
        time.sleep(3)  # the consumer in its group before the clock starts
        started = time.perf_counter()  # pre-written rows drain from the relay's start, not in a warm-up
        relay.start()
        try:
            if not prewrite:
                time.sleep(3)  # the relay connected too
                started = time.perf_counter()
                write_concurrently(source, topic, events, per_tx, writers)
            written = time.perf_counter() - started
            while ledger.applied_count(sink) < events:
                time.sleep(0.05)
            elapsed = time.perf_counter() - started
        finally:
            relay.kill()
    audit = ledger.audit(sink)
    assert (audit.applied, audit.duplicates, audit.out_of_order) == (events, [], []), audit
    if not prewrite:
        print(
            f"  {writers} writers committed {events:,} events in {written:.1f} s "
            f"({events / written:,.0f} events/s)"
        )
    what = "drained, from the relay's start" if prewrite else "end to end"
    print(f"  {what}: all {events:,} applied exactly once, in key order, in {elapsed:.1f} s")
    return events / elapsed


def _raw_consume(bootstrap: str, topic: str, count: int, ready, done) -> None:
    consumer = make_consumer(bootstrap, f"raw-{uuid.uuid4().hex[:6]}", topic)
    consumer.poll(timeout_ms=2000)
    ready.set()
    seen = 0
    while seen < count:
        seen += sum(len(batch) for batch in consumer.poll(timeout_ms=500).values())
        consumer.commit()
    done.set()
    consumer.close()


def raw(bootstrap: str, topic: str, events: int, size: int) -> float:
    ctx = mp.get_context("spawn")
    ready, done = ctx.Event(), ctx.Event()
    consumer = ctx.Process(target=_raw_consume, args=(bootstrap, topic, events, ready, done))
    consumer.start()
    ready.wait(60)
    producer = make_producer(bootstrap)
    value = b"x" * size
    started = time.perf_counter()
    for n in range(events):
        producer.send(topic, key=f"k{n % 50}".encode(), value=value)
    producer.flush()
    done.wait(300)
    elapsed = time.perf_counter() - started
    consumer.join(30)
    producer.close()
    return events / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--per-tx", type=int, default=10)
    parser.add_argument("--writers", type=int, default=4)
    args = parser.parse_args()
    settle_collector()  # the writer threads stand for web workers, which settle once loaded
    kafka, postgres = start_kafka(REPO), start_postgres(REPO)
    run = uuid.uuid4().hex[:6]
    names = [f"bench_outbox_{run}_source", f"bench_outbox_{run}_sink"]
    urls = [postgres.create_database(name) for name in names]
    for url in urls:
        ledger.create_schema(make_engine(url))
    topic, drain_topic, raw_topic = f"bench-{run}.ledger", f"bench-{run}.drain", f"bench-{run}.raw"
    ensure_topics(kafka.bootstrap, [TopicSpec(t, 6) for t in (topic, drain_topic, raw_topic)])
    names += [
        f"bench_outbox_{run}_drain_source",
        f"bench_outbox_{run}_drain_sink",
        f"bench_outbox_{run}_plain",
    ]
    urls += [postgres.create_database(name) for name in names[2:]]
    for url in urls[2:]:
        ledger.create_schema(make_engine(url))
    logs = REPO / ".run" / "bench"
    logs.mkdir(parents=True, exist_ok=True)
    try:
        print(
            f"outbox pipeline benchmark: {args.events:,} events, {args.per_tx} per transaction, PostgreSQL, "
            "6 partitions, relay and consumer in their own processes\n"
        )
        alone = writers_alone(urls[4], args.events, args.per_tx, args.writers)
        ours = pipeline(
            urls[0], urls[1], kafka.bootstrap, topic, args.events, args.per_tx, logs, args.writers, False
        )
        drained = pipeline(
            urls[2], urls[3], kafka.bootstrap, drain_topic, args.events, args.per_tx, logs, args.writers, True
        )
        baseline = raw(kafka.bootstrap, raw_topic, args.events, size=260)
        print()
        print(
            table(
                [
                    ("measure", "events/s", "aim"),
                    ("raw kafka-python produce + consume", f"{baseline:,.0f}", ""),
                    (
                        f"outbox -> Kafka -> inbox, end to end ({args.writers} writers)",
                        f"{ours:,.0f}",
                        f">= {AIM_RATE:,}",
                    ),
                    ("ratio to raw", f"{ours / baseline:.2f}", f">= {AIM_RATIO}"),
                    (f"writers alone, no events ({args.writers} writers)", f"{alone:,.0f}", ""),
                    ("ratio to the writers alone", f"{ours / alone:.2f}", f">= {AIM_WRITERS_RATIO}"),
                    ("relay + consumer draining pre-written rows", f"{drained:,.0f}", ""),
                ]
            )
        )
    finally:
        for name in names:
            postgres.drop_database(name)


if __name__ == "__main__":
    main()
