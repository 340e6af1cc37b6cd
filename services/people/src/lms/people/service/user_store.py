"""Users in SQL: the stored SCIM document plus its indexed columns, versioned for ETags."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import datetime
from typing import Any

from scim2_models import Context, Meta
from sqlalchemy import Row, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lms.people.db import users
from lms.people.domain.errors import NotFound, PreconditionFailed, Uniqueness
from lms.people.domain.records import UserRecord, user_record
from lms.people.domain.resources import UserResource, dump


def etag(version: int) -> str:
    return f'W/"{version}"'


def load_user(session: Session, user_id: str, *, for_update: bool = False) -> Row[Any]:
    """The user's row (locked for the transaction when `for_update`), or NotFound."""
    query = select(users).where(users.c.id == user_id)
    row = session.execute(query.with_for_update() if for_update else query).first()
    if row is None:
        raise NotFound(f"No user with id {user_id}.")
    return row


def resource_of(row: Row[Any]) -> UserResource:
    """The SCIM resource of a stored row, with its `id` and `meta` (location left to the API)."""
    user = UserResource.model_validate(
        {**row.resource, "id": row.id}, scim_ctx=Context.RESOURCE_QUERY_RESPONSE
    )
    user.meta = Meta(
        resource_type="User", created=row.created_at, last_modified=row.updated_at, version=etag(row.version)
    )
    return user


def check_version(row: Row[Any], if_match: list[str] | None) -> None:
    """Refuse a change whose `If-Match` (its tags unquoted, weak ones too) does not name the current
    version."""
    if if_match is not None and "*" not in if_match and str(row.version) not in if_match:
        named = ", ".join(f'W/"{tag}"' for tag in if_match)
        raise PreconditionFailed(f"The resource is at version {etag(row.version)}, not {named}.")


def columns(record: UserRecord, user: UserResource) -> dict[str, Any]:
    document = dump(user, Context.RESOURCE_QUERY_RESPONSE, exclude={"id", "meta"})
    document.pop("id", None)
    document.pop("meta", None)
    return {
        "user_name": record.user_name,
        "user_name_key": record.user_name_key,
        "external_id": record.external_id,
        "employee_number": record.employee_number,
        "display_name": record.display_name,
        "email": record.email,
        "department": record.department,
        "manager_id": record.manager_id,
        "active": record.active,
        "resource": document,
    }


def ensure_unique(session: Session, record: UserRecord, user_id: str) -> None:
    """Refuse a userName that another user holds, ignoring case."""
    query = select(users.c.id).where(users.c.user_name_key == record.user_name_key, users.c.id != user_id)
    if session.execute(query).first() is not None:
        raise Uniqueness(f"The userName {record.user_name!r} is taken.")


def insert_user(session: Session, user_id: str, user: UserResource, now: datetime) -> UserRecord:
    """Insert the user, one statement; a userName taken in any case is refused (Uniqueness)."""
    record = user_record(user)
    values = {"id": user_id, **columns(record, user), "version": 1, "created_at": now, "updated_at": now}
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(users).values(values).on_conflict_do_nothing().returning(users.c.id)
    if session.execute(statement).scalar() is None:
        raise Uniqueness(f"The userName {record.user_name!r} is taken.")
    stamp(user, user_id, 1, now, now)
    return record


def update_user(session: Session, row: Row[Any], user: UserResource, now: datetime) -> UserRecord:
    """Write the user's new state as the next version (a userName change checked for uniqueness)."""
    record = user_record(user)
    if record.user_name_key != row.user_name_key:
        ensure_unique(session, record, row.id)
    values = {**columns(record, user), "version": row.version + 1, "updated_at": now}
    try:
        with session.begin_nested() if record.user_name_key != row.user_name_key else nullcontext():
            session.execute(update(users).where(users.c.id == row.id).values(values))
    except IntegrityError:  # a concurrent request took the same userName first
        raise Uniqueness(f"The userName {record.user_name!r} is taken.") from None
    stamp(user, row.id, row.version + 1, row.created_at, now)
    return record


def stamp(user: UserResource, user_id: str, version: int, created: datetime, modified: datetime) -> None:
    """Give the resource its id and `meta` as stored."""
    user.id = user_id
    user.meta = Meta(resource_type="User", created=created, last_modified=modified, version=etag(version))
