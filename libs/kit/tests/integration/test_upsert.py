"""upsert on both databases the suite runs on: a new key is inserted, a known one updated, and with
`newer_than` an older row changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Column, DateTime, MetaData, String, Table, select

from lms.kit.db import upsert

pytestmark = pytest.mark.integration

metadata = MetaData()
teams = Table(
    "teams",
    metadata,
    Column("team_id", String(40), primary_key=True),
    Column("name", String(40), nullable=False),
    Column("manager", String(40)),
    Column("changed_at", DateTime(timezone=True), nullable=False),
)
EARLY, LATE = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC)


def stored(sessions) -> list[tuple[str, str, str | None]]:
    with sessions() as db:
        return [tuple(row) for row in db.execute(select(teams.c.team_id, teams.c.name, teams.c.manager))]


def test_a_new_key_is_inserted_and_a_known_one_updated_in_the_columns_given(sessions):
    with sessions.begin() as db:
        upsert(
            db,
            teams,
            {"team_id": "t1", "name": "Support", "manager": "ann", "changed_at": EARLY},
            ["team_id"],
        )
    with sessions.begin() as db:
        upsert(db, teams, {"team_id": "t1", "name": "Care", "changed_at": LATE}, ["team_id"])
        upsert(db, teams, {"team_id": "t2", "name": "Sales", "changed_at": LATE}, ["team_id"])
    assert sorted(stored(sessions)) == [("t1", "Care", "ann"), ("t2", "Sales", None)]


def test_with_newer_than_an_older_row_changes_nothing(sessions):
    with sessions.begin() as db:
        upsert(
            db,
            teams,
            {"team_id": "t1", "name": "Care", "changed_at": LATE},
            ["team_id"],
            newer_than="changed_at",
        )
    with sessions.begin() as db:
        upsert(
            db,
            teams,
            {"team_id": "t1", "name": "Support", "changed_at": EARLY},
            ["team_id"],
            newer_than="changed_at",
        )
    assert stored(sessions) == [("t1", "Care", None)]
