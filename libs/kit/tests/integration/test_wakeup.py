"""An idle relay sleeps long on PostgreSQL and is woken by the commit that adds events (the outbox's
trigger notifies); a rolled-back transaction wakes no one; SQLite, with no channel between
processes, polls."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Column, Engine, Integer, MetaData, Table, insert, text

from lms.kit.db import make_engine
from lms.kit.messaging import OUTBOX_CHANNEL
from lms.kit.relay import OutboxRelay
from lms.kit.wakeup import Wakeup, stop_waking_on_insert, wake_on_insert
from lms.testing import ledger
from lms.testing.infra import KafkaServer
from lms.testing.ledger import wait_for
from lms.testing.proc import running

pytestmark = pytest.mark.integration
ASLEEP_S = 120  # far longer than any deadline below: only a notification ends the wait early

metadata = MetaData()
watched = Table("watched", metadata, Column("id", Integer, primary_key=True))


def waiting(wakeup: Wakeup, stop: threading.Event) -> threading.Thread:
    """A waiter that has begun listening (the first wait only starts the listener)."""
    wakeup.wait(stop)
    thread = threading.Thread(target=wakeup.wait, args=(stop,), daemon=True)
    thread.start()
    return thread


def listening(engine: Engine, channel: str) -> bool:
    """Whether a session of the database sits idle after LISTENing on `channel`."""
    with engine.connect() as conn:
        found = conn.scalar(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND state = 'idle' AND query = :listen"
            ),
            {"listen": f'LISTEN "{channel}"'},
        )
    return bool(found)


def test_a_commit_wakes_the_waiter_and_a_rollback_does_not(source: Engine):
    metadata.create_all(source)
    with source.begin() as connection:
        wake_on_insert(connection, "watched", "lms_test_channel")
    stop = threading.Event()
    wakeup = Wakeup(source, "lms_test_channel", idle_s=ASLEEP_S)
    try:
        thread = waiting(wakeup, stop)
        with source.connect() as connection:
            connection.execute(insert(watched), [{"id": 1}, {"id": 2}])
            connection.rollback()
        thread.join(timeout=3)
        assert thread.is_alive(), "a rolled-back insert woke the waiter"
        with source.begin() as connection:
            connection.execute(insert(watched), [{"id": 1}])
        thread.join(timeout=30)
        assert not thread.is_alive(), "the committed insert did not wake the waiter"
    finally:
        stop.set()
        wakeup.close()


def test_without_the_trigger_an_insert_wakes_no_one(source: Engine):
    metadata.create_all(source)
    with source.begin() as connection:
        wake_on_insert(connection, "watched", "lms_test_channel")
        stop_waking_on_insert(connection, "watched")
    stop = threading.Event()
    wakeup = Wakeup(source, "lms_test_channel", idle_s=ASLEEP_S)
    try:
        thread = waiting(wakeup, stop)
        with source.begin() as connection:
            connection.execute(insert(watched), [{"id": 1}])
        thread.join(timeout=3)
        assert thread.is_alive(), "an insert woke the waiter after the trigger was dropped"
    finally:
        stop.set()
        wakeup.close()


def test_a_waiter_on_sqlite_polls(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'kit.db'}")
    metadata.create_all(engine)
    wakeup, stop = Wakeup(engine, "lms_test_channel", idle_s=ASLEEP_S, poll_s=0.01), threading.Event()
    thread = threading.Thread(target=lambda: [wakeup.wait(stop) for _ in range(3)], daemon=True)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive()
    with engine.begin() as connection:
        wake_on_insert(connection, "watched", "lms_test_channel")  # no channel on SQLite: nothing, no error
        connection.execute(insert(watched), [{"id": 1}])


def test_an_idle_relay_publishes_the_next_commit_without_waiting_out_its_idle_time(
    source: Engine, sink: Engine, topic: str, kafka: KafkaServer, consumer_in_thread
):
    relay = OutboxRelay(source, kafka.bootstrap, idle_wait_s=ASLEEP_S)
    writer = ledger.Writer(source, topic)
    with running(relay.run), consumer_in_thread():
        writer.write(transactions=1, per_tx=5)
        assert wait_for(lambda: ledger.applied_count(sink) == 5, timeout_s=60)
        # the relay has fallen idle and listens: a poller would now sleep ASLEEP_S
        assert wait_for(lambda: listening(source, OUTBOX_CHANNEL), timeout_s=60)
        writer.write(transactions=2, per_tx=5)
        assert wait_for(lambda: ledger.applied_count(sink) == 15, timeout_s=60)
