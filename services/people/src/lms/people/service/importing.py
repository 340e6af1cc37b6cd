"""`import users.csv`: the whole file in one transaction, or nothing when any row is bad."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from scim2_models import Email
from sqlalchemy import Row, select

from lms.kit.uow import UnitOfWork
from lms.people.db import users
from lms.people.domain.people_csv import BadRow, PersonRow
from lms.people.domain.records import UserRecord, name_key, user_record
from lms.people.domain.resources import DirectoryManager, Enterprise, UserResource
from lms.people.service import announcing, user_store
from lms.people.service.context import Context
from lms.people.service.team_import import join_teams


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    teams_created: int = 0
    memberships_added: int = 0
    bad: list[BadRow] = field(default_factory=list)
    applied: bool = False


def import_people(
    ctx: Context,
    rows: list[PersonRow],
    *,
    dry_run: bool,
    bad: Sequence[BadRow] = (),
    progress: Callable[[int], None] = lambda _n: None,
) -> ImportReport:
    """Create or update every row's person, manager and team; commit only if every row is good.

    `bad` are rows the file reader refused already: with any, nothing is applied, and the
    report lists them with the rows refused here (managers nobody knows), by line.
    """
    report = ImportReport()
    with ctx.uow() as uow:
        known = _existing(uow, rows)
        report.bad = sorted([*bad, *_unknown_managers(rows, known)], key=lambda b: b.line)
        if report.bad:
            return report
        now = ctx.clock()
        ids = _ids(rows, known)
        changes = []
        for row in rows:
            changes.append(_apply(uow, row, known.get(name_key(row.user_name)), ids, now, report))
            progress(1)
        for user_id, before, after in changes:
            _announce(uow, user_id, before, after, now)
        join_teams(uow, rows, ids, now, report)
        if not dry_run:
            uow.commit()
            report.applied = True
    return report


def _ids(rows: list[PersonRow], known: dict[str, Row[Any]]) -> dict[str, str]:
    """Directory ids by case-folded userName: the known ones, and new ones for newcomers."""
    ids = {key: row.id for key, row in known.items()}
    for row in rows:
        ids.setdefault(name_key(row.user_name), uuid.uuid4().hex)
    return ids


def _existing(uow: UnitOfWork, rows: list[PersonRow]) -> dict[str, Row[Any]]:
    keys = {name_key(r.user_name) for r in rows} | {name_key(r.manager) for r in rows if r.manager}
    found = uow.session.execute(select(users).where(users.c.user_name_key.in_(keys))).all()
    return {row.user_name_key: row for row in found}


def _unknown_managers(rows: list[PersonRow], known: dict[str, Row[Any]]) -> list[BadRow]:
    in_file = {name_key(r.user_name) for r in rows}
    return [
        BadRow(r.line, f"manager {r.manager!r} is neither in the file nor in the directory")
        for r in rows
        if r.manager and name_key(r.manager) not in in_file and name_key(r.manager) not in known
    ]


def _apply(
    uow: UnitOfWork,
    row: PersonRow,
    current: Row[Any] | None,
    ids: dict[str, str],
    now: datetime,
    report: ImportReport,
) -> tuple[str, UserRecord | None, UserRecord]:
    user = user_store.resource_of(current) if current is not None else UserResource(user_name=row.user_name)
    before = user_record(user) if current is not None else None
    _fill(user, row, ids)
    if current is None:
        report.created += 1
        return (
            ids[name_key(row.user_name)],
            None,
            user_store.insert_user(uow.session, ids[name_key(row.user_name)], user, now),
        )
    after = user_record(user)
    if after == before:
        report.unchanged += 1
        return current.id, before, after
    report.updated += 1
    return current.id, before, user_store.update_user(uow.session, current, user, now)


def _fill(user: UserResource, row: PersonRow, ids: dict[str, str]) -> None:
    if row.name:
        user.display_name = row.name
    if row.email:
        others = [e for e in user.emails or () if str(e.value).casefold() != row.email.casefold()]
        user.emails = [
            Email(value=row.email, primary=True),
            *[e.model_copy(update={"primary": None}) for e in others],
        ]
    enterprise = user[Enterprise] or Enterprise()
    if row.department:
        enterprise.department = row.department
    if row.manager:
        enterprise.manager = DirectoryManager(value=ids.get(name_key(row.manager)))
    user[Enterprise] = enterprise


def _announce(
    uow: UnitOfWork, user_id: str, before: UserRecord | None, after: UserRecord, now: datetime
) -> None:
    if before is None:
        announcing.user_provisioned(uow, user_id, after, now)
    else:
        announcing.user_changed(uow, user_id, before, after, now)
