"""An idle relay sleeps long on PostgreSQL and is woken by the commit that adds events; a rolled-back
transaction wakes no one; SQLite, with no channel between processes, polls."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Engine, text

from lms.kit.db import make_engine, make_session_factory
from lms.kit.messaging import OUTBOX_CHANNEL
from lms.kit.relay import OutboxRelay
from lms.kit.testing import ledger
from lms.kit.testing.infra import KafkaServer
from lms.kit.testing.ledger import wait_for
from lms.kit.testing.proc import running
from lms.kit.wakeup import Wakeup, notify

pytestmark = pytest.mark.integration
ASLEEP_S = 120  # far longer than any deadline below: only a notification ends the wait early


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
    sessions, stop = make_session_factory(source), threading.Event()
    wakeup = Wakeup(source, "lms_test_channel", idle_s=ASLEEP_S)
    try:
        thread = waiting(wakeup, stop)
        with sessions() as session, session.begin():
            notify(session, "lms_test_channel")
            session.rollback()
        thread.join(timeout=3)
        assert thread.is_alive(), "a rolled-back transaction woke the waiter"
        with sessions.begin() as session:
            notify(session, "lms_test_channel")
        thread.join(timeout=30)
        assert not thread.is_alive(), "the commit did not wake the waiter"
    finally:
        stop.set()
        wakeup.close()


def test_a_waiter_on_sqlite_polls(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'kit.db'}")
    wakeup, stop = Wakeup(engine, "lms_test_channel", idle_s=ASLEEP_S, poll_s=0.01), threading.Event()
    thread = threading.Thread(target=lambda: [wakeup.wait(stop) for _ in range(3)], daemon=True)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive()
    with make_session_factory(engine).begin() as session:
        notify(session, "lms_test_channel")  # nothing to tell on SQLite, and no error


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
