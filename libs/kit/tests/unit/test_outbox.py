"""Outbox and relay on SQLite, with a fake producer (no broker)."""

from __future__ import annotations

import json

import pytest
from kafka.errors import KafkaTimeoutError
from sqlalchemy import func, select

from lms.contracts import PayloadInvalid
from lms.kit import context
from lms.kit.db import make_engine, make_session_factory
from lms.kit.messaging import LANES, lane_of, outbox
from lms.kit.relay import OutboxRelay
from lms.testing import ledger


class FakeFuture:
    def __init__(self, ok: bool):
        self.ok = ok
        self.exception = None if ok else KafkaTimeoutError("no ack")

    def succeeded(self) -> bool:
        return self.ok


class FakeProducer:
    def __init__(self, fail: bool = False):
        self.sent: list[tuple[str, bytes, bytes, list]] = []
        self.fail = fail

    def send(self, topic, key, value, headers):
        self.sent.append((topic, key, value, headers))
        return FakeFuture(not self.fail)

    def flush(self, timeout=None):
        pass

    def close(self, timeout=None):
        pass


@pytest.fixture
def engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'svc.db'}")
    ledger.create_schema(engine)
    return engine


def rows(engine) -> list:
    with engine.connect() as conn:
        return conn.execute(select(outbox).order_by(outbox.c.id)).all()


def test_announce_writes_an_enveloped_row_keyed_as_the_contract_says(engine):
    writer = ledger.Writer(engine, "topic-a")
    token = context.request_id.set("req-42")
    try:
        with writer.unit() as uow:
            event = uow.announce(ledger.ENTRY, {"key": "k7", "seq": 1})
            uow.commit()
    finally:
        context.request_id.reset(token)
    (row,) = rows(engine)
    headers = json.loads(row.headers)
    assert (row.event_id, row.key, row.topic, row.lane) == (event.id, "k7", "topic-a", lane_of("k7"))
    assert headers["ce_type"] == ledger.EVENT_TYPE
    assert headers["ce_subject"] == "k7"
    assert headers["ce_requestid"] == "req-42"
    assert json.loads(row.payload) == {"key": "k7", "seq": 1}
    assert row.published_at is None


def test_an_off_contract_payload_is_refused_and_nothing_is_written(engine):
    writer = ledger.Writer(engine, "topic-a")
    with writer.unit() as uow:
        with pytest.raises(PayloadInvalid, match="seq"):
            uow.announce(ledger.ENTRY, {"key": "k1", "seq": "one"})
        uow.commit()
    assert rows(engine) == []


def test_lanes_are_stable_and_spread_keys():
    assert lane_of("learner-1") == lane_of("learner-1")
    assert len({lane_of(f"learner-{n}") for n in range(200)}) == LANES


def test_relay_publishes_pending_rows_in_id_order_and_marks_them(engine):
    ledger.Writer(engine, "topic-a").write(transactions=3, per_tx=5)
    producer = FakeProducer()
    relay = OutboxRelay(engine, "unused:9092", producer_factory=lambda: producer)

    assert relay.publish_batch() == 15
    assert [json.loads(v)["seq"] for _, k, v, _ in producer.sent if k == b"k0"] == [1]
    assert [r.id for r in rows(engine)] == sorted(r.id for r in rows(engine))
    assert all(r.published_at is not None for r in rows(engine))
    assert relay.publish_batch() == 0


def test_relay_marks_nothing_when_the_broker_does_not_acknowledge(engine):
    ledger.Writer(engine, "topic-a").write(transactions=1, per_tx=3)
    relay = OutboxRelay(engine, "unused:9092", producer_factory=lambda: FakeProducer(fail=True))

    with pytest.raises(KafkaTimeoutError):
        relay.publish_batch()
    with engine.connect() as conn:
        assert (
            conn.scalar(select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))) == 3
        )


def test_session_factory_rolls_back_on_error(engine):
    sessions = make_session_factory(engine)

    def insert_then_fail() -> None:
        with sessions.begin() as session:
            entry = {"key": "k", "seq": 1, "event_id": "e", "applied_at": func.now()}
            session.execute(ledger.applied.insert().values(**entry))
            raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        insert_then_fail()
    assert ledger.applied_count(engine) == 0


def test_a_rolled_back_transaction_leaves_no_buffered_events_behind(engine):
    writer = ledger.Writer(engine, "topic-a")
    with writer.unit() as uow:
        uow.session.begin()
        uow.announce(ledger.ENTRY, {"key": "k1", "seq": 1})
        uow.session.rollback()
        uow.announce(ledger.ENTRY, {"key": "k2", "seq": 1})
        uow.commit()
    assert [r.key for r in rows(engine)] == ["k2"]


def test_events_of_one_transaction_are_written_in_the_order_they_were_added(engine):
    ledger.Writer(engine, "topic-a", keys=1).write(transactions=1, per_tx=5)
    assert [json.loads(r.payload)["seq"] for r in rows(engine)] == [1, 2, 3, 4, 5]
