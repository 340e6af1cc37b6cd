"""The completions HR systems read: the feed, the CSV export, and the public certificate."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, select

from lms.progress.context import Context
from lms.progress.db import completions, cycles
from lms.progress.errors import NotFound
from lms.progress.hr_sync.domain.export import safe_cell
from lms.progress.hr_sync.service.feeds import page

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
    "external_id",
    "employee_number",
    "cycle",
)
CSV_BATCH = 500


def feed_page(ctx: Context, since: int, limit: int) -> dict[str, Any]:
    """Completions after position `since`, oldest first, and the cursor to poll with next."""
    rows, cursor = page(ctx.sessions, "completions", since, limit)
    return {"items": [completion_item(r) for r in rows], "next_cursor": str(cursor)}


def completion_item(row: Row[Any]) -> dict[str, Any]:
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
        "external_id": row.external_id,
        "employee_number": row.employee_number,
        "cycle": row.cycle,
    }


def csv_lines(ctx: Context, start: datetime | None, end: datetime | None) -> Iterator[str]:
    """The completions as CSV lines, read with a server-side cursor (constant memory).

    Every cell a spreadsheet would take for a formula is neutralised (see `safe_cell`)."""
    query = select(completions).order_by(completions.c.completed_at, completions.c.id)
    if start:
        query = query.where(completions.c.completed_at >= start)
    if end:
        query = query.where(completions.c.completed_at < end)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    yield _take(buffer)
    engine = ctx.sessions.kw["bind"]
    with engine.connect().execution_options(stream_results=True, yield_per=CSV_BATCH) as conn:
        for row in conn.execute(query):
            item = {"completion_id": row.id, **completion_item(row)}
            writer.writerow([safe_cell(item[column]) for column in CSV_COLUMNS])
            yield _take(buffer)


def _take(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def certificate(ctx: Context, code: str) -> dict[str, Any]:
    """What a public verifier may see of a completion: name, course, version and date."""
    with ctx.sessions() as session:
        row = session.execute(select(completions).where(completions.c.certificate_code == code)).first()
        valid_until = session.scalar(
            select(func.max(cycles.c.valid_until)).where(cycles.c.certificate_code == code)
        )
    if row is None:
        raise NotFound("No certificate with this code.")
    found = {
        "code": code,
        "name": row.learner_name,
        "course": row.course_title,
        "course_version": row.course_version,
        "completed_at": row.completed_at,
    }
    return found | (_validity(row.cycle, valid_until, ctx.clock()) if valid_until else {})


def _validity(cycle: int, valid_until: datetime, now: datetime) -> dict[str, Any]:
    """A recertified course's certificate: its cycle, until when it is valid, and whether it expired."""
    expired = now >= valid_until
    return {
        "cycle": cycle,
        "valid_until": valid_until,
        "expired": expired,
        "expired_at": valid_until if expired else None,
    }
