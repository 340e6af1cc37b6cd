"""Forwarding statements to an outside LRS, in batches, at least once (decision 0085).

The forwarder reads the statements after its cursor in feed order, POSTs them as one batch
(their ids included, so the receiver recognises a batch it has seen), and moves its cursor in
the database only after the receiver accepted them. A crash between the two sends the batch
again; a receiver that refuses or cannot be reached gets the same batch again later.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update

from lms.kit.db import insert_ignore
from lms.records.db import attachments, forwarding, statements
from lms.records.domain import multipart
from lms.records.domain.attachments import declared
from lms.records.service import sequencing
from lms.records.service.context import Context
from lms.records.service.reading import stored_text

S = statements.c
Send = Callable[[str, bytes, dict[str, str]], int]  # (url, body, headers) -> HTTP status


@dataclass(frozen=True)
class Target:
    """An outside LRS: its endpoint (`.../xAPI`), the Authorization header it wants, its version."""

    name: str
    endpoint: str
    authorization: str
    version: str = "1.0.3"
    batch: int = 100


class Refused(Exception):
    """The outside LRS did not accept a batch (its status, or why it could not be reached)."""


def forward_batch(ctx: Context, target: Target, send: Send) -> int:
    """Send the next batch to `target`; how many statements it held (0: nothing new)."""
    sequencing.assign(ctx)
    with ctx.reads() as session:
        cursor = session.scalar(select(forwarding.c.last_seq).where(forwarding.c.target == target.name)) or 0
        rows = session.execute(
            select(S.seq, S.stored, S.payload).where(S.seq > cursor).order_by(S.seq).limit(target.batch)
        ).all()
        batch = [_as_sent(row.payload, row.stored) for row in rows]
        data = _attachment_data(session, batch)
    if not batch:
        return 0
    body, content_type = _body(batch, data)
    headers = {
        "Content-Type": content_type,
        "X-Experience-API-Version": target.version,
        "Authorization": target.authorization,
    }
    status = send(f"{target.endpoint.rstrip('/')}/statements", body, headers)
    if status not in (200, 204):
        raise Refused(f"{target.name} answered {status}")
    _advance(ctx, target, rows[-1].seq)
    return len(batch)


def cursor(ctx: Context, target: Target) -> int:
    """The feed position up to which `target` has accepted every statement."""
    with ctx.reads() as session:
        return session.scalar(select(forwarding.c.last_seq).where(forwarding.c.target == target.name)) or 0


def _as_sent(payload: str, stored: Any) -> dict[str, Any]:
    statement = json.loads(payload)
    statement["stored"] = stored_text(stored)
    statement.setdefault("timestamp", statement["stored"])
    return statement


def _attachment_data(session: Any, batch: list[dict[str, Any]]) -> list[Any]:
    wanted = sorted({a["sha2"].lower() for a in declared(batch) if "fileUrl" not in a})
    if not wanted:
        return []
    return list(session.execute(select(attachments).where(attachments.c.sha2.in_(wanted))))


def _body(batch: list[dict[str, Any]], data: list[Any]) -> tuple[bytes, str]:
    text = json.dumps(batch, ensure_ascii=False, separators=(",", ":")).encode()
    if not data:
        return text, "application/json"
    parts = [multipart.Part({"Content-Type": "application/json"}, text)]
    for row in data:
        headers = {"Content-Type": row.content_type, "Content-Transfer-Encoding": "binary"}
        parts.append(multipart.Part({**headers, "X-Experience-API-Hash": row.sha2}, row.content))
    return multipart.build(parts)


def _advance(ctx: Context, target: Target, position: int) -> None:
    with ctx.uow() as uow:
        session = uow.session
        row = {"target": target.name, "last_seq": 0, "updated": ctx.clock()}
        insert_ignore(session, forwarding, [row])
        session.execute(
            update(forwarding)
            .where(forwarding.c.target == target.name, forwarding.c.last_seq < position)
            .values(last_seq=position, updated=ctx.clock())
        )
        uow.commit()
