"""The HR feeds: completions and xAPI statements, paged by a cursor that never skips or repeats.

Rows get their feed position (`feed_seq`) from a sequencer that runs under a lock *after*
the rows committed. A transaction that commits late simply gets a later position, so a
reader who has seen position N has seen every row that will ever hold a position <= N.
(An auto-increment id would be assigned at insert time and a late commit would slip in
behind a cursor that already passed it.)
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from lms.kit.uow import UnitOfWork
from lms.progress.db import completions, feed_counters, xapi_statements

FEEDS: dict[str, tuple[Table, tuple]] = {
    "completions": (completions, (completions.c.completed_at, completions.c.id)),
    "xapi": (xapi_statements, (xapi_statements.c.stored_at, xapi_statements.c.id)),
}


def sequence(sessions: sessionmaker[Session], name: str) -> None:
    """Give every committed, unsequenced row of feed `name` the next positions (one at a time)."""
    table, order = FEEDS[name]
    _ensure_counter(sessions, name)
    with UnitOfWork(sessions, None) as uow:  # positions only: nothing to announce
        db = uow.session
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
        uow.commit()


def _ensure_counter(sessions: sessionmaker[Session], name: str) -> None:
    try:
        with UnitOfWork(sessions, None) as uow:
            if uow.session.scalar(select(feed_counters.c.value).where(feed_counters.c.name == name)) is None:
                uow.session.execute(insert(feed_counters).values(name=name, value=0))
            uow.commit()
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
