"""The inbox consumer runner: Kafka records -> handlers, each event applied exactly once.

For every polled batch:
1. parse each record as a CloudEvent and validate it against its contract; a record that
   cannot be parsed or validated is poison and goes straight to the dead-letter topic;
2. in ONE database transaction, skip events whose `(group, event_id)` inbox row exists,
   run the handler of each new event and insert its inbox row;
3. commit the database, then commit the Kafka offsets.
A crash between 3's two commits redelivers the batch, and step 2 turns it into a no-op.

When the batch transaction fails, each event is retried alone (its own transaction,
`max_attempts` times in a row, without sleeping: a handler's failure that is not the database's
does not pass with time); one that still fails goes to `<topic>.dlq.<group>` with the error in
its headers, and the ones behind it carry on. The one-by-one pass returns to the poll loop
after `alone_budget_s`, committing what it finished and seeking back the rest, so thousands of
failing events never keep the consumer from polling longer than Kafka's max poll interval
(decision 0081). A database that cannot be reached is not the events' fault: the consumer
seeks back and retries from the first unfinished event until it is reachable.

A consumer that makes no progress (see `lms.kit.liveness`) for `stall_after_s` logs why, once,
and replaces its Kafka client with a fresh one; its readiness check fails until it applies again.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.errors import CommitFailedError, KafkaError
from sqlalchemy import select
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from lms.contracts import PayloadInvalid, Registry, default_registry
from lms.kit.cloudevents import CloudEvent, InvalidEvent, from_kafka
from lms.kit.db import insert_rows
from lms.kit.kafka import make_consumer, make_producer, pace_fetches
from lms.kit.kafka_admin import TopicSpec, ensure_topics
from lms.kit.liveness import STALL_AFTER_S, Liveness, consumer_lag, member_problem
from lms.kit.messaging import inbox
from lms.kit.metrics import EVENTS_APPLIED, EVENTS_DEAD_LETTERED, EVENTS_DUPLICATE

log = logging.getLogger(__name__)

Handler = Callable[[Session, CloudEvent], None]
BatchHandler = Callable[[Session, list[CloudEvent]], None]
TRANSIENT_DB_ERRORS = (OperationalError, InterfaceError, DisconnectionError)
IDLE_AFTER_S = 5.0  # no records for this long: brokers may hold fetches longer (pace_fetches)
MAX_ALONE_BUDGET_S = 30.0  # a one-by-one pass returns to the poll loop after this long at most


def dlq_topic(topic: str, group: str) -> str:
    return f"{topic}.dlq.{group}"


@dataclass
class _Item:
    record: Any
    event: CloudEvent | None = None
    error: BaseException | None = None


class BatchDeferred(RuntimeError):
    """The batch cannot be finished now (database or DLQ unreachable), through no fault of
    its events: the consumer seeks back and tries the same records again."""


class InboxConsumer:
    """Applies events of `topics` with `handlers` (event type -> function) for one group."""

    def __init__(
        self,
        *,
        session_factory: sessionmaker[Session],
        bootstrap: str,
        group: str,
        topics: Iterable[str],
        handlers: Mapping[str, Handler],
        batch_handlers: Mapping[str, BatchHandler] | None = None,
        registry: Registry | None = None,
        max_attempts: int = 3,
        idle_after_s: float = IDLE_AFTER_S,
        stall_after_s: float = STALL_AFTER_S,
        consumer: KafkaConsumer | None = None,
        producer: KafkaProducer | None = None,
        **consumer_overrides: Any,
    ):
        self.session_factory = session_factory
        self.bootstrap = bootstrap
        self.group = group
        self.topics = list(topics)
        self.handlers = dict(handlers)
        self.batch_handlers = dict(batch_handlers or {})
        self.registry = registry or default_registry()
        self.max_attempts = max_attempts
        self.idle_after_s = idle_after_s
        self.liveness = Liveness(group, stall_after_s)
        # a fifth of the max poll interval: the pass, its commit and the next poll fit well inside it
        max_poll_interval_s = consumer_overrides.get("max_poll_interval_ms", 300_000) / 1000
        self.alone_budget_s = min(MAX_ALONE_BUDGET_S, max_poll_interval_s / 5)
        self._consumer = consumer
        self._producer = producer
        self._consumer_overrides = consumer_overrides
        self._commit_pending = False
        self._records_at = time.monotonic()

    # -- lifecycle -----------------------------------------------------------------
    def run(self, stop: threading.Event) -> None:
        """Poll and apply until `stop` is set, then leave the group cleanly."""
        if not self._start_until(stop):
            return
        backoff = 0.0
        try:
            while not stop.is_set():
                try:
                    self.poll_once()
                    backoff = 0.0
                except (BatchDeferred, KafkaError) as exc:
                    # BatchDeferred: the database or the DLQ is away; the batch was sought back.
                    # KafkaError from polling: the client lost track of a broker (kafka-python
                    # raises UnknownBrokerIdError when a dead broker left the metadata while a
                    # fetch to it was being built); rejoin with a fresh client. Either way nothing
                    # uncommitted is lost: it comes back, and the inbox drops what was applied.
                    self.liveness.failed(exc)
                    backoff = min(5.0, backoff * 2 or 0.2)
                    log.warning("%s (%s); retrying in %.1f s", type(exc).__name__, exc, backoff)
                    if isinstance(exc, KafkaError):
                        self.close()
                    stop.wait(backoff)
                self._rejoin_if_stalled()
        finally:
            self.close()

    def _rejoin_if_stalled(self) -> None:
        """A client that made no progress for the bound is dropped; the next poll starts a fresh
        one. kafka-python can stay stuck looking for a group coordinator (decision 0080)."""
        why = self.liveness.due_for_rejoin()
        if why is not None:
            log.error("consumer group %s: %s; rejoining with a fresh Kafka client", self.group, why)
            self.close()

    def _start_until(self, stop: threading.Event) -> bool:
        """Join the group, retrying with back-off while the broker is slow or away (a consumer
        that gave up at start would leave its events unapplied until someone restarted it)."""
        backoff = 0.5
        while not stop.is_set():
            try:
                self.start()
                return True
            except KafkaError as exc:
                self.liveness.failed(exc)
                log.warning("cannot join the group yet (%s); retrying in %.1f s", exc, backoff)
                self.close()
                stop.wait(backoff)
                backoff = min(10.0, backoff * 2)
        return False

    def start(self) -> None:
        if self._consumer is not None:
            return
        ensure_topics(self.bootstrap, [TopicSpec(dlq_topic(t, self.group), 1) for t in self.topics])
        self._consumer = make_consumer(self.bootstrap, self.group, *self.topics, **self._consumer_overrides)

    def close(self) -> None:
        if self._consumer is not None:
            self._consumer.close(autocommit=False)
            self._consumer = None
        if self._producer is not None:
            self._producer.close(timeout=5)
            self._producer = None

    # -- one poll ------------------------------------------------------------------
    def poll_once(self, timeout_ms: int = 500) -> int:
        """Apply one polled batch and commit its offsets. Returns how many records it held."""
        self.start()
        assert self._consumer is not None
        polled = self._consumer.poll(timeout_ms=timeout_ms)
        records = [record for batch in polled.values() for record in batch]
        now = time.monotonic()
        if records:
            self._records_at = now
        pace_fetches(self._consumer, busy=now - self._records_at < self.idle_after_s)
        if not records:
            if self._commit_pending:  # the last batch's commit failed and no batch came since
                self._commit(0)
            self._polled(0)
            return 0
        done = self._apply(records)
        self._commit(done)
        self._polled(done)
        return len(records)

    def _polled(self, applied: int) -> None:
        assert self._consumer is not None
        lag = consumer_lag(self._consumer)
        self.liveness.polled(applied=applied, lag=lag, problem=member_problem(self._consumer))

    def _commit(self, applied: int) -> None:
        """Commit the positions of the applied records; on failure, try again at the next poll."""
        assert self._consumer is not None
        try:
            self._consumer.commit()
            self._commit_pending = False
        except (CommitFailedError, KafkaError) as exc:
            # Another member may now own these partitions and will be redelivered the
            # records; the inbox makes that a no-op. Nothing is lost. Until a commit
            # succeeds, the group's lag would otherwise stay behind until the next record.
            self._commit_pending = True
            log.warning("offset commit failed after applying %d records: %s", applied, exc)

    def _seek_back(self, records: list[Any]) -> None:
        """The next poll starts again at the first of `records` in each of their partitions."""
        assert self._consumer is not None
        first: dict[TopicPartition, int] = {}
        for record in records:
            first.setdefault(TopicPartition(record.topic, record.partition), record.offset)
        for partition, offset in first.items():
            self._consumer.seek(partition, offset)

    def _apply(self, records: list[Any]) -> int:
        """Apply `records` (one partition after another, as polled); returns how many are done.
        Those not done were sought back: the next poll returns them again."""
        items = [self._parse(record) for record in records]
        good = [item for item in items if item.error is None]
        try:
            self._apply_events([item.event for item in good])  # type: ignore[misc]
        except TRANSIENT_DB_ERRORS as exc:
            self._seek_back(records)
            raise BatchDeferred(str(exc)) from exc
        except Exception:
            log.info("batch of %d failed; applying one by one", len(good), exc_info=True)
            return self._apply_one_by_one(items)
        for item in items:
            if item.error is not None:  # malformed or off-contract: retrying cannot help
                self._dead_letter(item, attempts=0)
        return len(items)

    def _apply_one_by_one(self, items: list[_Item]) -> int:
        """Each event in its own transaction, until done or out of `alone_budget_s`; the rest
        (and, when the database or the DLQ goes away, the event at hand) is sought back."""
        deadline = time.monotonic() + self.alone_budget_s
        for done, item in enumerate(items):
            if done and time.monotonic() > deadline:
                log.info("applied %d of %d one by one; back to polling for the rest", done, len(items))
                self._seek_back([item.record for item in items[done:]])
                return done
            try:
                if item.error is None:
                    self._apply_alone(item)
                else:
                    self._dead_letter(item, attempts=0)
            except BatchDeferred:
                self._seek_back([item.record for item in items[done:]])
                self._commit(done)
                raise
        return len(items)

    def _parse(self, record: Any) -> _Item:
        try:
            event = from_kafka(record.headers, record.value)
        except InvalidEvent as exc:
            return _Item(record, error=exc)
        if event.type in self.registry:
            try:
                self.registry.validate(event.type, event.data)
            except PayloadInvalid as exc:
                return _Item(record, event, exc)
        return _Item(record, event)

    def _apply_alone(self, item: _Item) -> None:
        assert item.event is not None
        for attempt in range(1, self.max_attempts + 1):
            try:
                self._apply_events([item.event])
                return
            except TRANSIENT_DB_ERRORS as exc:
                raise BatchDeferred(str(exc)) from exc
            except Exception as exc:
                item.error = exc
                log.warning(
                    "event %s (%s) failed, attempt %d/%d: %s",
                    item.event.id,
                    item.event.type,
                    attempt,
                    self.max_attempts,
                    exc,
                )
        self._dead_letter(item, attempts=self.max_attempts)

    def _apply_events(self, events: list[CloudEvent]) -> None:
        """Run the handlers of new events and record them, all in one transaction."""
        if not events:
            return
        with self.session_factory() as session, session.begin():
            done = set(
                session.scalars(
                    select(inbox.c.event_id).where(
                        inbox.c.consumer_group == self.group,
                        inbox.c.event_id.in_({event.id for event in events}),
                    )
                )
            )
            fresh = []
            for event in events:
                if event.id in done:
                    EVENTS_DUPLICATE.labels(self.group).inc()
                    continue
                done.add(event.id)
                if event.type in self.handlers or event.type in self.batch_handlers:
                    fresh.append(event)
            for run in _runs(fresh):
                if run[0].type in self.batch_handlers:
                    self.batch_handlers[run[0].type](session, run)
                else:
                    for event in run:
                        self.handlers[event.type](session, event)
            now = datetime.now(UTC)
            applied = [
                {"consumer_group": self.group, "event_id": e.id, "event_type": e.type, "processed_at": now}
                for e in fresh
            ]
            insert_rows(session, inbox, applied)
        EVENTS_APPLIED.labels(self.group).inc(len(applied))

    # -- dead letters --------------------------------------------------------------
    def _dead_letter(self, item: _Item, attempts: int) -> None:
        record, error = item.record, item.error
        topic = dlq_topic(record.topic, self.group)
        headers = [(k, v) for k, v in record.headers or () if not k.startswith("dlq_")]
        headers += [
            (k, str(v).encode())
            for k, v in {
                "dlq_error": str(error)[:2000],
                "dlq_error_type": type(error).__name__,
                "dlq_traceback": "".join(traceback.format_exception(error))[-4000:] if error else "",
                "dlq_original_topic": record.topic,
                "dlq_original_partition": record.partition,
                "dlq_original_offset": record.offset,
                "dlq_consumer_group": self.group,
                "dlq_attempts": attempts,
                "dlq_failed_at": datetime.now(UTC).isoformat(),
            }.items()
        ]
        if self._producer is None:
            self._producer = make_producer(self.bootstrap)
        try:
            self._producer.send(topic, key=record.key, value=record.value, headers=headers).get(timeout=30)
        except KafkaError as exc:
            raise BatchDeferred(f"dead-letter topic {topic} unreachable: {exc}") from exc
        EVENTS_DEAD_LETTERED.labels(self.group).inc()
        log.error(
            "dead-lettered %s@%d:%d to %s: %s", record.topic, record.partition, record.offset, topic, error
        )


def _runs(events: list[CloudEvent]) -> list[list[CloudEvent]]:
    """Consecutive events of one type, in order (a batch handler takes a whole run)."""
    runs: list[list[CloudEvent]] = []
    for event in events:
        if runs and runs[-1][0].type == event.type:
            runs[-1].append(event)
        else:
            runs.append([event])
    return runs
