"""The xAPI 1.0.3 statement resource, as an LRS serves it to a reading client.

Statements are ordered by their feed position (given after commit, so a poller never misses
a statement that committed late); `since`/`until` filter on `stored`, and `more` carries
the position to continue from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select

from lms.progress.context import Context
from lms.progress.db import xapi_statements
from lms.progress.hr_sync.service.feeds import sequence

S = xapi_statements.c


@dataclass(frozen=True)
class StatementQuery:
    """The filters of `GET /xapi/statements` (None: not filtered)."""

    limit: int = 100
    ascending: bool = False
    statement_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    verb: str | None = None
    activity: str | None = None
    actor_name: str | None = None
    registration: str | None = None
    after: int | None = None  # the position a `more` link continues from


@dataclass(frozen=True)
class StatementResult:
    statements: list[dict[str, Any]]
    last_position: int | None
    more: bool


def find(ctx: Context, query: StatementQuery) -> StatementResult:
    """One page of the statements `query` selects, each with its `stored` time."""
    sequence(ctx.sessions, "xapi")
    with ctx.sessions() as session:
        rows = session.execute(_select(query).limit(query.limit + 1)).all()
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    return StatementResult([stored_statement(r) for r in rows], rows[-1].feed_seq if rows else None, more)


def stored_statement(row: Row[Any]) -> dict[str, Any]:
    return {**row.statement, "stored": row.stored_at.isoformat()}


def _select(query: StatementQuery) -> Any:
    order = S.feed_seq.asc() if query.ascending else S.feed_seq.desc()
    statement = select(xapi_statements).where(S.feed_seq.is_not(None), *_filters(query)).order_by(order)
    if query.after is not None:
        statement = statement.where(S.feed_seq > query.after if query.ascending else S.feed_seq < query.after)
    return statement


def _filters(query: StatementQuery) -> list[Any]:
    wanted = [
        (query.statement_id, S.id),
        (query.verb, S.verb),
        (query.activity, S.activity_id),
        (query.actor_name, S.actor_name),
        (query.registration, S.registration),
    ]
    filters = [column == value for value, column in wanted if value is not None]
    if query.since is not None:
        filters.append(S.stored_at > query.since)
    if query.until is not None:
        filters.append(S.stored_at <= query.until)
    return filters
