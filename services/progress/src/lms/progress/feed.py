"""The HR feeds: completions and xAPI statements, paged by a cursor that never skips or repeats.

Rows get their feed position (`feed_seq`) from a sequencer that runs under a lock *after*
the rows committed. A transaction that commits late simply gets a later position, so a
reader who has seen position N has seen every row that will ever hold a position <= N.
(An auto-increment id would be assigned at insert time and a late commit would slip in
behind a cursor that already passed it.)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, Table, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from lms.progress.db import completions, feed_counters, xapi_statements

FEEDS: dict[str, tuple[Table, tuple]] = {
    "completions": (completions, (completions.c.completed_at, completions.c.id)),
    "xapi": (xapi_statements, (xapi_statements.c.stored_at, xapi_statements.c.id)),
}
CSV_COLUMNS = (
    "completion_id",
    "enrolment_id",
    "learner_id",
    "course_id",
    "course_title",
    "course_version",
    "completed_at",
    "score",
    "certificate_code",
)


def sequence(sessions: sessionmaker[Session], name: str) -> None:
    """Give every committed, unsequenced row of feed `name` the next positions (one at a time)."""
    table, order = FEEDS[name]
    _ensure_counter(sessions, name)
    with sessions.begin() as db:
        counter = db.scalar(
            select(feed_counters.c.value).where(feed_counters.c.name == name).with_for_update()
        )
        ids = list(db.scalars(select(table.c.id).where(table.c.feed_seq.is_(None)).order_by(*order)))
        for offset, row_id in enumerate(ids, start=1):
            db.execute(update(table).where(table.c.id == row_id).values(feed_seq=counter + offset))
        if ids:
            db.execute(
                update(feed_counters).where(feed_counters.c.name == name).values(value=counter + len(ids))
            )


def _ensure_counter(sessions: sessionmaker[Session], name: str) -> None:
    try:
        with sessions.begin() as db:
            if db.scalar(select(feed_counters.c.value).where(feed_counters.c.name == name)) is None:
                db.execute(insert(feed_counters).values(name=name, value=0))
    except IntegrityError:
        pass  # another reader created it first


def page(sessions: sessionmaker[Session], name: str, since: int, limit: int) -> tuple[list[Any], int]:
    """Rows after position `since`, oldest first, and the cursor to poll with next."""
    sequence(sessions, name)
    table, _ = FEEDS[name]
    with sessions() as db:
        rows = db.execute(
            select(table).where(table.c.feed_seq > since).order_by(table.c.feed_seq).limit(limit)
        ).all()
    return rows, rows[-1].feed_seq if rows else since


def completion_item(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "enrolment_id": row.enrolment_id,
        "learner_id": row.learner_id,
        "course_id": row.course_id,
        "course_title": row.course_title,
        "course_version": row.course_version,
        "completed_at": row.completed_at.isoformat(),
        "score": row.score,
        "certificate_code": row.certificate_code,
    }


def csv_rows(engine: Engine, start: datetime | None, end: datetime | None) -> Iterator[str]:
    """The completions as CSV lines, read with a server-side cursor: constant memory."""
    query = select(completions).order_by(completions.c.completed_at, completions.c.id)
    if start:
        query = query.where(completions.c.completed_at >= start)
    if end:
        query = query.where(completions.c.completed_at < end)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    yield _take(buffer)
    with engine.connect().execution_options(stream_results=True, yield_per=500) as conn:
        for row in conn.execute(query):
            item = {"completion_id": row.id, **completion_item(row)}
            writer.writerow(["" if item[column] is None else item[column] for column in CSV_COLUMNS])
            yield _take(buffer)


def _take(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
