"""Feed positions and `stored` times, given after commit (decision 0082).

A statement commits without a position. The sequencer, under the lock of its one counter row,
gives every committed, unpositioned statement the next position and a `stored` time later
than any given before (a microsecond apart at least). A statement that commits late therefore
gets a later `stored`, never an earlier one, so a reader who has seen every statement stored
up to T has seen every statement that will ever be stored up to T: that T is what
`X-Experience-API-Consistent-Through` promises.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import bindparam, exists, func, select, update
from sqlalchemy.orm import Session

from lms.records.db import statement_sequence, statements
from lms.records.service.context import Context

COUNTER = "statements"
BATCH = 2000
TICK = timedelta(microseconds=1)
S = statements.c
POSITION = (
    update(statements)
    .where(S.pk == bindparam("row"))
    .values(seq=bindparam("position"), stored=bindparam("at"))
)


def consistent_through(ctx: Context) -> datetime:
    """Position whatever committed unpositioned, then the time through which every statement is visible."""
    with ctx.reads() as session:
        now = _now(ctx, session)
        pending = session.scalar(select(exists().where(S.seq.is_(None))))
    return assign(ctx) if pending else now


def assign(ctx: Context) -> datetime:
    """Give unpositioned statements their positions; the `stored` time of the last (or now)."""
    while True:
        with ctx.uow() as uow:
            session = uow.session
            through, done = _assign_batch(ctx, session)
            uow.commit()
        if done:
            return through


def _assign_batch(ctx: Context, session: Session) -> tuple[datetime, bool]:
    counter = session.execute(
        select(statement_sequence).where(statement_sequence.c.name == COUNTER).with_for_update()
    ).one()
    now = _now(ctx, session)
    rows = list(session.scalars(select(S.pk).where(S.seq.is_(None)).order_by(S.pk).limit(BATCH)))
    if not rows:
        return max(now, counter.last_stored), True
    first = max(now, counter.last_stored + TICK)
    positions = [
        {"row": row, "position": counter.last_seq + n, "at": first + TICK * (n - 1)}
        for n, row in enumerate(rows, start=1)
    ]
    session.execute(POSITION, positions)
    last = positions[-1]
    session.execute(
        update(statement_sequence)
        .where(statement_sequence.c.name == COUNTER)
        .values(last_seq=last["position"], last_stored=last["at"])
    )
    return last["at"], len(rows) < BATCH


def _now(ctx: Context, session: Session) -> datetime:
    """The database's clock on PostgreSQL (one clock for every process), the context's on SQLite."""
    if session.get_bind().dialect.name == "postgresql":
        return session.scalar(select(func.clock_timestamp()))  # type: ignore[return-value]
    return ctx.clock()
