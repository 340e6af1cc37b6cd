"""insert_ignore on both databases the suite runs on: duplicates are skipped, never raised."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, UniqueConstraint, select

from lms.kit.db import insert_ignore

pytestmark = pytest.mark.integration

metadata = MetaData()
seen = Table(
    "seen",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(40), nullable=False),
    Column("consumer", String(40), nullable=False),
    UniqueConstraint("event_id", "consumer"),
)


def rows(*event_ids: str) -> list[dict[str, str]]:
    return [{"event_id": e, "consumer": "progress"} for e in event_ids]


def stored(sessions) -> list[str]:
    with sessions() as db:
        return list(db.scalars(select(seen.c.event_id).order_by(seen.c.event_id)))


def test_duplicates_are_skipped_in_one_statement(sessions):
    with sessions.begin() as db:
        insert_ignore(db, seen, rows("e1", "e2"))
    with sessions.begin() as db:
        assert insert_ignore(db, seen, rows("e2", "e3", "e3")) == []
    assert stored(sessions) == ["e1", "e2", "e3"]


def test_returning_names_only_the_rows_that_were_new(sessions):
    with sessions.begin() as db:
        insert_ignore(db, seen, rows("e1"))
    with sessions.begin() as db:
        new = insert_ignore(db, seen, rows("e1", "e4"), returning="event_id")
    assert new == ["e4"]
    assert stored(sessions) == ["e1", "e4"]


def test_nothing_to_insert_touches_nothing(sessions):
    with sessions.begin() as db:
        assert insert_ignore(db, seen, [], returning="event_id") == []
    assert stored(sessions) == []
