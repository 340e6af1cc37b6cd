"""Searching a resource table: a SCIM filter as SQL, sorted, paged by startIndex and count."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Table, func, select
from sqlalchemy.orm import Session

from lms.people.domain.errors import InvalidValue
from lms.people.service.filter_columns import Attribute
from lms.people.service.filtering import sort_column, where_clause

DEFAULT_COUNT = 100
MAX_COUNT = 1000


@dataclass(frozen=True)
class SearchQuery:
    """RFC 7644 §3.4.2: what a client asks of a list."""

    filter: str | None = None
    start_index: int = 1
    count: int = DEFAULT_COUNT
    sort_by: str | None = None
    descending: bool = False

    def __post_init__(self) -> None:
        if self.start_index < 1:
            object.__setattr__(self, "start_index", 1)  # RFC 7644 §3.4.2.4: less than 1 means 1
        if self.count < 0:
            object.__setattr__(self, "count", 0)
        if self.count > MAX_COUNT:
            raise InvalidValue(f"count may be at most {MAX_COUNT}.")


@dataclass(frozen=True)
class Page:
    total: int
    rows: list[Row[Any]]


def search(session: Session, table: Table, attributes: dict[str, Attribute], query: SearchQuery) -> Page:
    """One page of `table`'s rows matching the query, and how many match in all."""
    condition = where_clause(query.filter, attributes) if query.filter else None
    counted = select(func.count()).select_from(table)
    chosen = select(table)
    if condition is not None:
        counted, chosen = counted.where(condition), chosen.where(condition)
    order = sort_column(query.sort_by, attributes) if query.sort_by else table.c.created_at
    order = order.desc() if query.descending else order.asc()
    total = session.scalar(counted) or 0
    if query.count == 0:
        return Page(total, [])
    rows = session.execute(
        chosen.order_by(order, table.c.id).offset(query.start_index - 1).limit(query.count)
    ).all()
    return Page(total, list(rows))
