"""Reading statements: one by id, or a page of a query, in the format the reader asks for.

Every read first positions what has committed (lms.records.service.sequencing), so its
`consistent_through` is exact. A statement is returned with its `stored` time, and with
`timestamp` set to it when it came without one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from lms.kit.auth import Principal
from lms.records.db import attachments, statements
from lms.records.domain import formats
from lms.records.domain.attachments import Attachment, declared
from lms.records.domain.errors import NotFound
from lms.records.domain.queries import SingleQuery, StatementQuery
from lms.records.domain.statements import activities
from lms.records.service import access, canonical, search, sequencing
from lms.records.service.context import Context

S = statements.c


@dataclass(frozen=True)
class Found:
    """What a read returns: one statement or a page, attachment data when asked for."""

    consistent_through: datetime
    statement: dict[str, Any] | None = None
    statements: list[dict[str, Any]] = field(default_factory=list)
    last_position: int | None = None  # set when more statements follow
    last_modified: datetime | None = None
    attachments: list[Attachment] = field(default_factory=list)


def consistent_through(ctx: Context) -> datetime:
    return sequencing.consistent_through(ctx)


def one(ctx: Context, principal: Principal, query: SingleQuery, languages: Sequence[str] = ()) -> Found:
    """The statement `query` names (a voided one only by `voidedStatementId`), or `NotFound`."""
    access.require_read(principal)
    through = sequencing.consistent_through(ctx)
    with ctx.reads() as session:
        row = session.execute(
            select(S.stored, S.payload, S.voided).where(S.id == query.statement_id, S.seq.is_not(None))
        ).one_or_none()
        if row is None or row.voided != query.voided:
            kind = "voided statement" if query.voided else "statement (or it is voided)"
            raise NotFound(f"No {kind} with the id {query.statement_id}.")
        shaped = _shaped(session, [_served(row.payload, row.stored)], query.format, languages)
        data = _attachments(session, shaped) if query.attachments else []
    return Found(through, statement=shaped[0], last_modified=row.stored, attachments=data)


def many(ctx: Context, principal: Principal, query: StatementQuery, languages: Sequence[str] = ()) -> Found:
    """One page of the statements `query` selects; `last_position` continues it when more follow."""
    access.require_read(principal)
    through = sequencing.consistent_through(ctx)
    with ctx.reads() as session:
        rows = session.execute(search.page(query)).all()
        shown = rows[: query.limit]
        found = _shaped(session, [_served(r.payload, r.stored) for r in shown], query.format, languages)
        data = _attachments(session, found) if query.attachments else []
    more = shown[-1].seq if len(rows) > query.limit else None
    return Found(through, statements=found, last_position=more, attachments=data)


def _served(payload: str, stored: datetime) -> dict[str, Any]:
    statement = json.loads(payload)
    statement["stored"] = stored_text(stored)
    statement.setdefault("timestamp", statement["stored"])
    return statement


def stored_text(moment: datetime) -> str:
    """A stored time as ISO 8601 in UTC, to the microsecond."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _shaped(
    session: Any, found: list[dict[str, Any]], shape: str, languages: Sequence[str]
) -> list[dict[str, Any]]:
    if shape == "ids":
        return [formats.as_ids(s) for s in found]
    if shape == "canonical":
        ids = {a["id"] for s in found for a in activities(s)}
        definitions = canonical.known(session, ids)
        return [formats.as_canonical(s, definitions, languages) for s in found]
    return found


def _attachments(session: Any, found: list[dict[str, Any]]) -> list[Attachment]:
    hashes = sorted({entry["sha2"].lower() for entry in declared(found)})
    if not hashes:
        return []
    rows = session.execute(select(attachments).where(attachments.c.sha2.in_(hashes)))
    return [Attachment(r.sha2, r.content_type, r.content) for r in rows]
