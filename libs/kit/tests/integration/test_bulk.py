"""Bulk writes (COPY on PostgreSQL): many rows with documents and timestamps arrive intact,
and an idempotent bulk insert skips what exists, on both databases the suite runs on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, select
from sqlalchemy.exc import IntegrityError

from lms.kit.bulk import copy_rows
from lms.kit.db import (
    COPY_FROM_ROWS,
    STAGE_FROM_ROWS,
    Json,
    Timestamp,
    insert_ignore,
    insert_rows,
    make_engine,
    make_session_factory,
)

pytestmark = pytest.mark.integration

metadata = MetaData()
facts = Table(
    "facts",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("document", Json, nullable=False),
    Column("at", Timestamp, nullable=False),
    Column("note", String(40)),
    Column("weight", Integer, nullable=False, server_default="1"),
)
MANY = STAGE_FROM_ROWS * 3
T0 = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def fact(n: int, note: str | None = "first") -> dict:
    return {
        "id": f"f{n:04d}",
        "document": {"n": n, "tags": ["a", "é"], "nested": {"ok": True}},
        "at": T0 + timedelta(seconds=n),
        "note": note,
    }


def stored(sessions) -> list[tuple]:
    with sessions() as db:
        return [tuple(row) for row in db.execute(select(facts).order_by(facts.c.id))]


def test_many_duplicates_are_skipped_and_existing_rows_kept(sessions):
    with sessions.begin() as db:
        insert_ignore(db, facts, [fact(n) for n in range(MANY)])
    again = [fact(n, note="second") for n in range(MANY // 2, MANY + MANY // 2)]
    with sessions.begin() as db:  # twice in one transaction, the second repeating rows of the first
        insert_ignore(db, facts, again + again[:10])
        insert_ignore(db, facts, again)
    rows = stored(sessions)
    assert len(rows) == MANY + MANY // 2
    assert rows[0] == ("f0000", fact(0)["document"], T0, "first", 1)
    assert rows[MANY - 1][3] == "first"
    assert rows[MANY][3] == "second"
    assert rows[-1][2] == T0 + timedelta(seconds=MANY + MANY // 2 - 1)


def insert_then_fail(sessions) -> None:
    with sessions.begin() as db:
        insert_ignore(db, facts, [fact(n) for n in range(MANY)])
        raise ZeroDivisionError


def test_a_failed_transaction_leaves_no_staged_rows_behind(sessions):
    with pytest.raises(ZeroDivisionError):
        insert_then_fail(sessions)
    with sessions.begin() as db:
        insert_ignore(db, facts, [fact(n) for n in range(MANY, MANY + STAGE_FROM_ROWS)])
    assert [row[0] for row in stored(sessions)] == [f"f{n:04d}" for n in range(MANY, MANY + STAGE_FROM_ROWS)]


def test_copied_rows_arrive_with_their_documents_and_times(pg_url):
    engine = make_engine(pg_url)  # COPY is PostgreSQL's; SQLite callers take executemany
    metadata.create_all(engine)
    sessions = make_session_factory(engine)
    with sessions.begin() as db:
        copy_rows(db, facts, [{**fact(n), "note": None} for n in range(MANY)])
    rows = stored(sessions)
    engine.dispose()
    assert len(rows) == MANY
    assert rows[7] == ("f0007", fact(7)["document"], T0 + timedelta(seconds=7), None, 1)


def test_a_copied_duplicate_fails_as_sqlalchemy_integrity_error_and_writes_nothing(pg_url):
    engine = make_engine(pg_url)
    metadata.create_all(engine)
    sessions = make_session_factory(engine)
    with sessions.begin() as db:
        copy_rows(db, facts, [fact(0)])
    with pytest.raises(IntegrityError), sessions.begin() as db:
        copy_rows(db, facts, [fact(n) for n in range(MANY)])
    assert [row[0] for row in stored(sessions)] == ["f0000"]
    engine.dispose()


@pytest.mark.parametrize("count", [1, COPY_FROM_ROWS - 1, COPY_FROM_ROWS, MANY])
def test_inserted_rows_arrive_whole_whether_copied_or_executed(sessions, count):
    with sessions.begin() as db:
        insert_rows(db, facts, [fact(n) for n in range(count)])
        insert_rows(db, facts, [])
    rows = stored(sessions)
    assert [row[0] for row in rows] == [f"f{n:04d}" for n in range(count)]
    assert rows[-1] == (
        f"f{count - 1:04d}",
        fact(count - 1)["document"],
        T0 + timedelta(seconds=count - 1),
        "first",
        1,
    )
