"""Many rows into PostgreSQL in one COPY stream: the bulk paths of consumers and relays.

`INSERT ... VALUES` of a thousand rows costs the driver as much as the server (psycopg parses
every placeholder); COPY sends the rows as one stream. A plain insert copies straight into
the table; an idempotent one (`ON CONFLICT DO NOTHING`) copies into a temporary staging
table of the same shape and moves the rows with one `INSERT ... SELECT`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import Table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

Convert = Callable[[Any], Any] | None


def is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def copy_rows(session: Session, table: Table, rows: list[dict[str, Any]], into: str | None = None) -> None:
    """COPY `rows` (dicts with the same keys) into `table` (or the table named `into`)."""
    columns = list(rows[0])
    converts = _converters(session, table, columns)
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(sql.Identifier(into or table.name), _names(columns))
    with _as_sqlalchemy_errors("COPY"), _raw(session).cursor().copy(statement) as copy:
        for row in rows:
            copy.write_row([_apply(f, row[column]) for f, column in zip(converts, columns, strict=True)])


def copy_ignoring_conflicts(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """`INSERT ... ON CONFLICT DO NOTHING` of `rows`, through a staging table and COPY."""
    staging = f"lms_stage_{table.name}"
    target, stage, names = sql.Identifier(table.name), sql.Identifier(staging), _names(rows[0])
    create = "CREATE TEMPORARY TABLE IF NOT EXISTS {} (LIKE {} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
    move = "INSERT INTO {} ({}) SELECT {} FROM {} ON CONFLICT DO NOTHING"
    with _as_sqlalchemy_errors("staged insert"):
        raw = _raw(session)
        raw.execute(sql.SQL(create).format(stage, target))
        copy_rows(session, table, rows, into=staging)
        raw.execute(sql.SQL(move).format(target, names, names, stage))
        raw.execute(sql.SQL("DELETE FROM {}").format(stage))


@contextmanager
def _as_sqlalchemy_errors(what: str) -> Iterator[None]:
    """Driver errors raised as SQLAlchemy's (OperationalError, IntegrityError, ...), so callers
    tell a lost database from a bad row the same way as for any other statement."""
    try:
        yield
    except psycopg.Error as exc:
        raise DBAPIError.instance(what, None, exc, psycopg.Error) from exc


def _raw(session: Session) -> Any:
    """The psycopg connection under the session's transaction."""
    return session.connection().connection.dbapi_connection


def _names(columns: Iterable[str]) -> sql.Composed:
    return sql.SQL(", ").join(sql.Identifier(column) for column in columns)


def _converters(session: Session, table: Table, columns: list[str]) -> list[Convert]:
    """Each column's bind processing (JSON documents, aware timestamps), as SQLAlchemy does it."""
    dialect = session.get_bind().dialect
    return [table.c[column].type.dialect_impl(dialect).bind_processor(dialect) for column in columns]


def _apply(convert: Convert, value: Any) -> Any:
    return value if convert is None or value is None else convert(value)
