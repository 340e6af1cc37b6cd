"""The unit of work: state and events in one transaction, hooks, joined units (SQLite)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from lms.kit.db import make_engine
from lms.kit.messaging import outbox
from lms.kit.uow import UnitOfWork, joined, joiner
from lms.testing import ledger


@pytest.fixture
def writer(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'svc.db'}")
    ledger.create_schema(engine)
    return ledger.Writer(engine, "topic-a")


def outbox_keys(writer) -> list[str]:
    with writer.sessions() as session:
        return list(session.scalars(select(outbox.c.key).order_by(outbox.c.id)))


def applied(writer) -> int:
    with writer.sessions() as session:
        return session.scalar(select(func.count()).select_from(ledger.applied))


def entry(session, key: str) -> None:
    session.execute(ledger.applied.insert().values(key=key, seq=1, event_id=key, applied_at=func.now()))


def test_state_and_event_commit_together(writer):
    with writer.unit() as uow:
        entry(uow.session, "k1")
        uow.announce(ledger.ENTRY, {"key": "k1", "seq": 1})
        uow.commit()
    assert (applied(writer), outbox_keys(writer)) == (1, ["k1"])


def test_leaving_without_commit_writes_neither_state_nor_event(writer):
    with writer.unit() as uow:
        entry(uow.session, "k1")
        uow.announce(ledger.ENTRY, {"key": "k1", "seq": 1})
    assert (applied(writer), outbox_keys(writer)) == (0, [])


def test_announce_hooks_write_in_the_same_transaction(writer):
    seen = []

    def hook(uow, event, data):
        seen.append((event.type, data["key"]))
        entry(uow.session, f"hooked-{data['key']}")

    unit = UnitOfWork(writer.sessions, writer.outbox, on_announce=[hook])
    with unit as uow:
        uow.announce(ledger.ENTRY, {"key": "k1", "seq": 1})  # rolled back: the hook's row too
    assert applied(writer) == 0
    with UnitOfWork(writer.sessions, writer.outbox, on_announce=[hook]) as uow:
        uow.announce(ledger.ENTRY, {"key": "k2", "seq": 1})
        uow.commit()
    assert seen == [(ledger.EVENT_TYPE, "k1"), (ledger.EVENT_TYPE, "k2")]
    assert applied(writer) == 1


def test_after_commit_runs_only_once_the_change_committed(writer):
    ran = []
    with writer.unit() as uow:
        uow.after_commit(lambda: ran.append("rolled back"))
    with writer.unit() as uow:
        uow.after_commit(lambda: ran.append("committed"))
        assert ran == []
        uow.commit()
    assert ran == ["committed"]


def test_a_failing_after_commit_action_keeps_the_committed_change(writer, caplog):
    with writer.unit() as uow:
        entry(uow.session, "k1")
        uow.after_commit(lambda: 1 / 0)
        uow.commit()
    assert applied(writer) == 1
    assert "an after-commit action failed" in caplog.text


def test_a_joined_unit_announces_into_its_owners_transaction_and_cannot_commit(writer):
    with writer.sessions() as session:
        joined = UnitOfWork.joining(session, writer.outbox)
        joined.announce(ledger.ENTRY, {"key": "k1", "seq": 1})
        with pytest.raises(RuntimeError, match="owner"):
            joined.commit()
        assert outbox_keys(writer) == []
        session.commit()
    assert outbox_keys(writer) == ["k1"]


def test_a_unit_without_an_outbox_records_state_and_announces_nothing(writer):
    with UnitOfWork(writer.sessions, None) as uow:
        entry(uow.session, "k1")
        assert uow.announce(ledger.ENTRY, {"key": "k1", "seq": 1}) is None
        uow.commit()
    assert (applied(writer), outbox_keys(writer)) == (1, [])


def test_the_event_is_keyed_by_its_contracts_field_whatever_the_payload_order(writer):
    with writer.unit() as uow:
        event = uow.announce(ledger.ENTRY, {"seq": 3, "key": "k9"})
        uow.commit()
    assert outbox_keys(writer) == ["k9"]
    assert event.subject == "k9"
    with writer.sessions() as session:
        assert json.loads(session.scalar(select(outbox.c.payload))) == {"seq": 3, "key": "k9"}


def test_a_joined_handler_runs_its_use_case_in_a_unit_of_the_consumers_transaction(writer):
    def use_case(uow, event_data):
        entry(uow.session, event_data["key"])
        uow.announce(ledger.ENTRY, event_data)

    handle = joined(joiner(writer.outbox), use_case)
    with writer.sessions() as session:  # the consumer's batch transaction
        handle(session, {"key": "k1", "seq": 1})
        session.rollback()  # the batch failed: neither the row nor the event stays
        handle(session, {"key": "k2", "seq": 1})
        session.commit()
    assert (applied(writer), outbox_keys(writer)) == (1, ["k2"])

    replaying = joined(joiner(None), use_case)
    with writer.sessions() as session:
        replaying(session, {"key": "k3", "seq": 1})
        session.commit()
    assert (applied(writer), outbox_keys(writer)) == (2, ["k2"])
