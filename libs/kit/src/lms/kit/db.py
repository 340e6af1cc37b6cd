"""SQLAlchemy 2.x engines and sessions, tuned for SQLite (embedded) and PostgreSQL."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Engine,
    Insert,
    MetaData,
    Table,
    create_engine,
    event,
    insert,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.types import TypeDecorator

from lms.kit import bulk, jsoncodec


def is_sqlite(engine_or_url: Engine | str) -> bool:
    url = engine_or_url if isinstance(engine_or_url, str) else str(engine_or_url.url)
    return url.startswith("sqlite")


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`: SQLite gets WAL and a busy timeout, PostgreSQL a checked pool."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    kwargs.setdefault("json_deserializer", jsoncodec.loads)
    if is_sqlite(url):
        kwargs.setdefault("json_serializer", jsoncodec.dumps_text)  # sqlite3 binds bytes as a BLOB
        engine = create_engine(url, connect_args={"timeout": 30}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin_immediate)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("pool_size", 5)
    kwargs.setdefault("max_overflow", 10)
    kwargs.setdefault("json_serializer", jsoncodec.dumps)  # psycopg sends the bytes as they are
    return create_engine(url, **kwargs)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (see below)
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=30000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_begin_immediate(connection: Any) -> None:
    if connection.get_execution_options().get("isolation_level") == "AUTOCOMMIT":
        return  # a read-only connection (see `reader`): each statement stands alone, no lock
    # Take the write lock up front: a read that later upgrades to a write can fail with
    # SQLITE_BUSY without waiting, which is how concurrent writers lose work on SQLite.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


# From this many rows on, PostgreSQL gets them by COPY (see `lms.kit.bulk`): a plain insert
# (a transaction's ten outbox rows cost less as a COPY than as ten pipelined INSERTs), and an
# idempotent one, which also creates, fills and empties a staging table.
COPY_FROM_ROWS = 5
STAGE_FROM_ROWS = 50


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT of many rows (dicts with the same keys): by COPY on PostgreSQL from
    `COPY_FROM_ROWS` rows on, one executemany otherwise."""
    if len(rows) >= COPY_FROM_ROWS and bulk.is_postgresql(session):
        bulk.copy_rows(session, table, rows)
    elif rows:
        session.execute(insert(table), rows)


def insert_ignore(
    session: Session, table: Table, rows: list[dict[str, Any]], returning: str | None = None
) -> list[Any]:
    """INSERT ... ON CONFLICT DO NOTHING of many rows in one executemany (PostgreSQL and SQLite).

    With `returning` (a column name), the values of that column for the rows actually
    inserted, so a caller learns which rows were new; otherwise an empty list.
    """
    if not rows:
        return []
    if returning is None and len(rows) >= STAGE_FROM_ROWS and bulk.is_postgresql(session):
        bulk.copy_ignoring_conflicts(session, table, rows)
        return []
    result = session.execute(insert_ignore_statement(session, table, returning), rows)
    return list(result.scalars()) if returning else []


def upsert(
    session: Session, table: Table, row: dict[str, Any], keys: Sequence[str], newer_than: str | None = None
) -> None:
    """INSERT `row`, or UPDATE the stored row with the same `keys` to the rest of it (PostgreSQL and
    SQLite); with `newer_than` (a column), only when the stored row's value is not newer."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = insert(table).values(row)
    changes = {column: statement.excluded[column] for column in row if column not in keys}
    where = table.c[newer_than] <= statement.excluded[newer_than] if newer_than else None
    session.execute(statement.on_conflict_do_update(index_elements=list(keys), set_=changes, where=where))


def insert_ignore_statement(session: Session, table: Table, returning: str | None = None) -> Insert:
    """`INSERT ... ON CONFLICT DO NOTHING [RETURNING column]` in the session's dialect, built once."""
    return _insert_ignore(session.get_bind().dialect.name, table, returning)


@functools.lru_cache(maxsize=512)
def _insert_ignore(dialect: str, table: Table, returning: str | None) -> Insert:
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(table).on_conflict_do_nothing()
    return statement.returning(table.c[returning]) if returning else statement


def reader(engine: Engine) -> Engine:
    """The same pool without transactions: for single-statement reads on hot paths.

    On SQLite this avoids `BEGIN IMMEDIATE`, so concurrent readers never queue for the lock.
    """
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every database (SQLite stores no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime: use datetime.now(UTC)")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


# Table conventions a service's db.py starts from: constraint names that Alembic can compare,
# JSON stored as JSONB on PostgreSQL, and aware UTC timestamps everywhere.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
Json = JSON().with_variant(postgresql.JSONB(), "postgresql")
Timestamp = UtcDateTime()


def service_metadata() -> MetaData:
    """The `MetaData` of a service's tables, named by the suite's convention."""
    return MetaData(naming_convention=NAMING_CONVENTION)
