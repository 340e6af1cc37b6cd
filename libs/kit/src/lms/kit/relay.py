"""The outbox relay: publishes committed outbox rows to Kafka, in order per key, at least once.

One pass claims lanes (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so several relays share the
work and never publish one lane at once), reads the oldest pending rows of those lanes,
sends them with the idempotent producer, waits for every acknowledgement and only then
marks the rows published in the same transaction. Any failure rolls the pass back; the
rows are sent again after a back-off, and consumers drop the duplicates by event id.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from kafka import KafkaProducer
from kafka.errors import KafkaError
from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from lms.kit import jsoncodec
from lms.kit.cloudevents import kafka_headers
from lms.kit.db import is_sqlite, reader
from lms.kit.kafka import make_producer
from lms.kit.messaging import LANES, OUTBOX_CHANNEL, outbox, outbox_lane
from lms.kit.metrics import OUTBOX_PUBLISHED, OUTBOX_RELAY_FAILURES
from lms.kit.wakeup import Wakeup

log = logging.getLogger(__name__)


class OutboxRelay:
    """Moves outbox rows of one database to Kafka until `stop` is set."""

    def __init__(
        self,
        engine: Engine,
        bootstrap: str,
        *,
        batch_size: int = 1000,
        idle_sleep_s: float = 0.05,
        idle_wait_s: float = 1.0,
        max_backoff_s: float = 5.0,
        retention: timedelta = timedelta(days=1),
        producer_factory: Callable[[], KafkaProducer] | None = None,
    ):
        self.engine = engine
        self.batch_size = batch_size
        self.idle_sleep_s = idle_sleep_s
        # PostgreSQL: woken by each commit that adds events, else a look every `idle_wait_s`;
        # SQLite: a look every `idle_sleep_s`
        self._wakeup = Wakeup(engine, OUTBOX_CHANNEL, idle_s=idle_wait_s, poll_s=idle_sleep_s)
        self.max_backoff_s = max_backoff_s
        self.retention = retention
        self._producer_factory = producer_factory or (lambda: make_producer(bootstrap))
        self._producer: KafkaProducer | None = None
        self._sqlite = is_sqlite(engine)
        self._reader = reader(engine)
        self._lanes_ready = False
        self._last_purge = 0.0

    def run(self, stop: threading.Event) -> None:
        """Publish until stopped; back off exponentially (with jitter) while anything fails."""
        failures = 0
        while not stop.is_set():
            try:
                published = self.publish_batch()
                failures = 0
            except (KafkaError, DBAPIError, OSError) as exc:
                failures += 1
                OUTBOX_RELAY_FAILURES.inc()
                delay = min(self.max_backoff_s, 0.1 * 2**failures) * random.uniform(0.5, 1.0)
                log.warning("relay pass failed (%s: %s); retrying in %.1f s", type(exc).__name__, exc, delay)
                self._drop_producer()
                stop.wait(delay)
                continue
            self._maybe_purge()
            if published == 0:  # idle: until a commit adds rows (or the idle look)
                self._wakeup.wait(stop)
            elif published < self.batch_size:  # busy: let rows gather into the next pass
                stop.wait(self.idle_sleep_s)
        self._drop_producer()
        self._wakeup.close()

    def publish_batch(self) -> int:
        """One pass: claim lanes, publish their oldest pending rows, mark them. Returns the count."""
        if self._sqlite and not self._any_pending():
            return 0
        with self.engine.begin() as conn:
            lanes = self._claim_lanes(conn)
            if not lanes:
                return 0
            rows = conn.execute(
                select(outbox.c.id, outbox.c.topic, outbox.c.key, outbox.c.headers, outbox.c.payload)
                .where(outbox.c.published_at.is_(None), outbox.c.lane.in_(lanes))
                .order_by(outbox.c.id)
                .limit(self.batch_size)
            ).all()
            if not rows:
                return 0
            self._send_all(rows)
            conn.execute(
                update(outbox)
                .where(outbox.c.id.in_([row.id for row in rows]))
                .values(published_at=datetime.now(UTC))
            )
        OUTBOX_PUBLISHED.inc(len(rows))
        return len(rows)

    def _any_pending(self) -> bool:
        """A look without a transaction: on SQLite a pass begins by taking the write lock, which
        an idle relay looking 20 times a second would otherwise take from the web writers."""
        with self._reader.connect() as conn:
            return (
                conn.scalar(select(outbox.c.id).where(outbox.c.published_at.is_(None)).limit(1)) is not None
            )

    def _claim_lanes(self, conn: Connection) -> list[int]:
        if self._sqlite:  # one relay per SQLite file; the write lock serialises the rest
            return list(range(LANES))
        if not self._lanes_ready:
            ensure_lanes(self.engine)
            self._lanes_ready = True
        query = select(outbox_lane.c.lane).order_by(outbox_lane.c.lane).with_for_update(skip_locked=True)
        return list(conn.scalars(query))

    def _send_all(self, rows: list) -> None:
        producer = self._producer or self._new_producer()
        futures = [
            producer.send(
                row.topic,
                key=row.key.encode(),
                value=row.payload.encode(),
                headers=kafka_headers(jsoncodec.loads(row.headers)),
            )
            for row in rows
        ]
        producer.flush(timeout=40)
        for future in futures:
            if not future.succeeded():
                raise future.exception or KafkaError("record not acknowledged")

    def _new_producer(self) -> KafkaProducer:
        self._producer = self._producer_factory()
        return self._producer

    def _drop_producer(self) -> None:
        if self._producer is not None:
            try:
                self._producer.close(timeout=1)
            except Exception:  # closing a producer of a dead broker may fail; it is discarded anyway
                log.debug("producer close failed", exc_info=True)
            self._producer = None

    def _maybe_purge(self) -> None:
        if time.monotonic() - self._last_purge < 60:
            return
        self._last_purge = time.monotonic()
        cutoff = datetime.now(UTC) - self.retention
        with self.engine.begin() as conn:
            conn.execute(delete(outbox).where(outbox.c.published_at < cutoff))


def ensure_lanes(engine: Engine) -> None:
    """Create the lane rows the relays lock (idempotent; two relays may race here)."""
    try:
        with engine.begin() as conn:
            present = set(conn.scalars(select(outbox_lane.c.lane)))
            missing = [{"lane": lane} for lane in range(LANES) if lane not in present]
            if missing:
                conn.execute(insert(outbox_lane), missing)
    except IntegrityError:
        log.debug("another relay created the lanes first")
