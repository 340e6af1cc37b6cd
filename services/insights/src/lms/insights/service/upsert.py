"""Insert-or-update statements that work on PostgreSQL and SQLite alike."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def _insert(session: Session, table: Table) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql if dialect == "postgresql" else sqlite).insert(table)


def upsert(
    session: Session, table: Table, row: dict[str, Any], keys: Sequence[str], newer_than: str | None = None
) -> None:
    """Insert `row`, or update the stored one (only when `row[newer_than]` is not older)."""
    statement = _insert(session, table).values(row)
    changes = {c: statement.excluded[c] for c in row if c not in keys}
    where = table.c[newer_than] <= statement.excluded[newer_than] if newer_than else None
    session.execute(statement.on_conflict_do_update(index_elements=list(keys), set_=changes, where=where))


def insert_ignoring_conflicts(session: Session, table: Table) -> Any:
    return _insert(session, table).on_conflict_do_nothing()


def parse_time(text: str) -> datetime:
    """An RFC 3339 time from an event, as an aware UTC datetime."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
