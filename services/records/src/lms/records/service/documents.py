"""State, Activity Profile and Agent Profile documents: put, merge, get, list, delete.

Each write reads the document under a row lock (or creates it), checks the request's
preconditions against its ETag, and changes it in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lms.kit.auth import Principal
from lms.records.db import documents
from lms.records.domain import documents as rules
from lms.records.domain.documents import Preconditions, Scope
from lms.records.domain.errors import Conflict, NotFound
from lms.records.service import access
from lms.records.service.context import Context

D = documents.c


@dataclass(frozen=True)
class Document:
    content: bytes
    content_type: str
    etag: str
    updated: datetime


@dataclass(frozen=True)
class Written:
    """A document a client sends: its content and type, the version of xAPI it speaks."""

    content: bytes
    content_type: str
    version: str
    preconditions: Preconditions = field(default_factory=Preconditions)


def put(ctx: Context, principal: Principal, scope: Scope, document_id: str, sent: Written) -> None:
    """Store `sent` as the document, replacing what was there."""
    access.require_write(principal)
    with _writing(ctx) as session:
        current = _locked(session, scope, document_id)
        rules.check_put(scope.kind, sent.version, sent.preconditions, current and current.etag)
        _save(ctx, session, scope, document_id, sent.content, sent.content_type, current)


def post(ctx: Context, principal: Principal, scope: Scope, document_id: str, sent: Written) -> None:
    """Merge JSON `sent` into the document (or store it as a new one)."""
    access.require_write(principal)
    with _writing(ctx) as session:
        current = _locked(session, scope, document_id)
        rules.check(sent.preconditions, current and current.etag)
        if current is None:
            if rules.is_json(sent.content_type):
                rules.json_object(sent.content, "The document")
            _save(ctx, session, scope, document_id, sent.content, sent.content_type, None)
            return
        content = rules.merged(current.content, current.content_type, sent.content, sent.content_type)
        _save(ctx, session, scope, document_id, content, rules.JSON_TYPE, current)


def get(ctx: Context, principal: Principal, scope: Scope, document_id: str) -> Document:
    access.require_read(principal)
    with ctx.reads() as session:
        row = session.execute(select(documents).where(D.key == scope.document_key(document_id))).one_or_none()
    if row is None:
        raise NotFound(f"No document {document_id!r} here.")
    return Document(row.content, row.content_type, row.etag, row.updated)


def ids(ctx: Context, principal: Principal, scope: Scope, since: datetime | None) -> list[str]:
    """The ids of the scope's documents (changed after `since`, when given)."""
    access.require_read(principal)
    query = select(D.document_id).where(D.scope == scope.key).order_by(D.document_id)
    if since is not None:
        query = query.where(D.updated > since)
    with ctx.reads() as session:
        return list(session.scalars(query))


def remove(
    ctx: Context, principal: Principal, scope: Scope, document_id: str, preconditions: Preconditions
) -> None:
    access.require_write(principal)
    with ctx.uow() as uow:
        session = uow.session
        current = _locked(session, scope, document_id)
        rules.check(preconditions, current and current.etag)
        session.execute(delete(documents).where(D.key == scope.document_key(document_id)))
        uow.commit()


def remove_all(ctx: Context, principal: Principal, scope: Scope) -> None:
    """Delete every document of the scope (the State resource without `stateId`)."""
    access.require_write(principal)
    with ctx.uow() as uow:
        session = uow.session
        session.execute(delete(documents).where(D.scope == scope.key))
        uow.commit()


@contextmanager
def _writing(ctx: Context) -> Iterator[Session]:
    """A write transaction; a document created at the same moment by another writer is a conflict."""
    try:
        with ctx.uow() as uow:
            session = uow.session
            yield session
            uow.commit()
    except IntegrityError:
        raise Conflict("The document was created at the same moment by another request: try again.") from None


def _locked(session: Session, scope: Scope, document_id: str) -> Document | None:
    row = session.execute(
        select(documents).where(D.key == scope.document_key(document_id)).with_for_update()
    ).one_or_none()
    return Document(row.content, row.content_type, row.etag, row.updated) if row else None


def _save(
    ctx: Context,
    session: Session,
    scope: Scope,
    document_id: str,
    content: bytes,
    content_type: str,
    current: Document | None,
) -> None:
    values = {
        "content": content,
        "content_type": content_type,
        "etag": rules.etag(content),
        "updated": ctx.clock(),
    }
    key = scope.document_key(document_id)
    if current is None:
        session.execute(
            documents.insert().values(key=key, scope=scope.key, document_id=document_id, **values)
        )
    else:
        session.execute(update(documents).where(D.key == key).values(**values))


def store_in(
    ctx_session: Session, ctx: Context, scope: Scope, document_id: str, content: bytes, kind: str
) -> None:
    """Write a document in the caller's transaction, replacing it (the LMS's own, e.g. LMS.LaunchData)."""
    current = _locked(ctx_session, scope, document_id)
    _save(ctx, ctx_session, scope, document_id, content, kind, current)
