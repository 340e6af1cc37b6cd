"""Storing statements: all of a batch or none of it, each id once (Communication 2.1.1, 2.1.2).

A statement whose id is already stored is accepted again only when it is the same statement
(Data 2.3.1's comparison); otherwise the whole batch is refused (409). New statements are
stored with the agents and activities they are found by, their attachment data, the
canonical definitions of their activities and a `statement.stored` event, in one
transaction; their position and `stored` time follow at once (lms.records.service.sequencing).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from lms.contracts import events
from lms.kit.auth import Principal
from lms.kit.db import insert_ignore, insert_rows
from lms.kit.uow import UnitOfWork
from lms.records.db import attachments, statement_activities, statement_agents, statements
from lms.records.domain import signatures
from lms.records.domain import statements as rules
from lms.records.domain.attachments import Attachment, declared
from lms.records.domain.errors import Conflict, Invalid
from lms.records.domain.identities import actor_key, iri_key
from lms.records.domain.versions import statement_version
from lms.records.service import access, canonical, sequencing
from lms.records.service.context import Context

S = statements.c


@dataclass(frozen=True)
class Submission:
    """Valid statements as a client sent them, the attachment data that came along, the xAPI version."""

    statements: Sequence[dict[str, Any]]
    version: str
    attachments: dict[str, Attachment] = field(default_factory=dict)


def store(ctx: Context, principal: Principal, submission: Submission) -> list[str]:
    """Store a batch for `principal`; the ids of its statements, in order."""
    access.require_write(principal)
    for statement in submission.statements:
        signatures.check(statement, submission.attachments)
    authority = access.authority(principal, ctx.home_page)
    version = statement_version(submission.version)
    prepared = [rules.prepare(s, authority, version) for s in submission.statements]
    return store_prepared(ctx, prepared, submission.attachments)


def store_prepared(
    ctx: Context, prepared: list[dict[str, Any]], data: dict[str, Attachment] | None = None
) -> list[str]:
    """Store statements that already carry their id, authority and version."""
    ids = [s["id"] for s in prepared]
    if len(set(ids)) != len(ids):
        raise Invalid("A batch names one statement id twice.")
    with ctx.uow() as uow:
        write(uow, prepared, data or {})
        uow.commit()
    sequencing.assign(ctx)
    return ids


def write(uow: UnitOfWork, prepared: list[dict[str, Any]], data: dict[str, Attachment]) -> None:
    """The batch's rows in the unit's transaction, each new statement announced (the consumer of
    progress's events calls this too, in a unit joining its batch)."""
    session = uow.session
    _refuse_voiding_a_voiding_statement(session, prepared)
    stored = _insert(session, prepared)
    _same_as_stored(session, [s for s in prepared if s["id"] not in stored])
    new = [s for s in prepared if s["id"] in stored]
    if not new:
        return
    _index(session, new, stored)
    _void(session, new)
    canonical.learn(session, new)
    _keep_attachments(session, new, data)
    for statement in new:
        uow.announce(events.STATEMENT_STORED, _stored_event(statement))


def _insert(session: Session, prepared: list[dict[str, Any]]) -> dict[str, int]:
    """Insert the statements whose id is new: id -> row of each one inserted."""
    rows = [_row(s) for s in prepared]
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(statements).on_conflict_do_nothing().returning(S.id, S.pk)
    return {found.id: found.pk for found in session.execute(statement, rows)}


def _row(statement: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": statement["id"],
        "payload": json.dumps(statement, ensure_ascii=False, separators=(",", ":")),
        "verb_key": iri_key(statement["verb"]["id"]),
        "registration": rules.registration(statement),
        "ref_target": rules.referenced(statement),
        "voids": rules.voided_target(statement),
    }


def _same_as_stored(session: Session, repeated: list[dict[str, Any]]) -> None:
    if not repeated:
        return
    found = dict(session.execute(select(S.id, S.payload).where(S.id.in_([s["id"] for s in repeated]))).all())
    for statement in repeated:
        if not rules.equivalent(json.loads(found[statement["id"]]), statement):
            raise Conflict(f"The statement id {statement['id']} is taken by another statement.")


def _refuse_voiding_a_voiding_statement(session: Session, prepared: list[dict[str, Any]]) -> None:
    targets = {t for s in prepared if (t := rules.voided_target(s))}
    if not targets:
        return
    voiding = {s["id"] for s in prepared if rules.voided_target(s)}
    voiding |= set(session.scalars(select(S.id).where(S.id.in_(targets), S.voids.is_not(None))))
    if targets & voiding:
        raise Invalid(
            f"A voiding statement cannot void another voiding statement ({sorted(targets & voiding)[0]})."
        )


def _index(session: Session, new: list[dict[str, Any]], rows: dict[str, int]) -> None:
    agents, activities = [], []
    for statement in new:
        found = rules.relations(statement)
        pk = rows[statement["id"]]
        agents += [{"agent_key": k, "relation": r, "statement_pk": pk} for k, r in found.agents]
        activities += [
            {"activity_key": iri_key(a), "relation": r, "statement_pk": pk} for a, r in found.activities
        ]
    insert_rows(session, statement_agents, agents)
    insert_rows(session, statement_activities, activities)


def _void(session: Session, new: list[dict[str, Any]]) -> None:
    """Void the targets of new voiding statements, and new statements a voiding one already targets."""
    targets = [t for s in new if (t := rules.voided_target(s))]
    if targets:
        session.execute(update(statements).where(S.id.in_(targets), S.voids.is_(None)).values(voided=True))
    plain = [s["id"] for s in new if not rules.voided_target(s)]
    earlier = select(S.voids).where(S.voids.in_(plain))
    session.execute(update(statements).where(and_(S.id.in_(plain), S.id.in_(earlier))).values(voided=True))


def _keep_attachments(session: Session, new: list[dict[str, Any]], data: dict[str, Attachment]) -> None:
    wanted = {e["sha2"].lower() for e in declared(new)}
    rows = [
        {"sha2": a.sha2, "content_type": a.content_type, "content": a.content}
        for sha2, a in data.items()
        if sha2 in wanted
    ]
    insert_ignore(session, attachments, rows)


def _stored_event(statement: dict[str, Any]) -> dict[str, Any]:
    target = statement["object"]
    return {
        "statement_id": statement["id"],
        "actor_key": actor_key(statement["actor"]) or "",
        "verb_id": statement["verb"]["id"],
        "activity_id": target["id"] if target.get("objectType", "Activity") == "Activity" else None,
        "registration": rules.registration(statement),
        "voided_statement_id": rules.voided_target(statement),
        "authority": statement["authority"].get("account", {}).get("name", ""),
    }
