"""Use cases on users: provision, read, list, replace, patch, remove."""

from __future__ import annotations

import uuid
from typing import Any

from scim2_models import Context as ScimContext
from sqlalchemy import select

from lms.kit.auth import Principal
from lms.kit.uow import UnitOfWork
from lms.people.db import users
from lms.people.domain.errors import InvalidValue, NotFound
from lms.people.domain.patching import apply_patch
from lms.people.domain.records import name_key, user_record
from lms.people.domain.resources import UserResource, read_payload
from lms.people.service import announcing, ripples
from lms.people.service.access import authorise_directory
from lms.people.service.context import Context
from lms.people.service.filter_columns import USER_ATTRIBUTES
from lms.people.service.listing import SearchQuery, search
from lms.people.service.user_store import check_version, insert_user, load_user, resource_of, update_user


def provision_user(ctx: Context, principal: Principal, payload: Any) -> UserResource:
    authorise_directory(principal)
    user = read_payload(UserResource, payload, ScimContext.RESOURCE_CREATION_REQUEST)
    with ctx.uow() as uow:
        user_id, now = uuid.uuid4().hex, ctx.clock()
        manager_learner_id = _check_manager(uow, user, user_id)
        record = insert_user(uow.session, user_id, user, now)
        announcing.user_provisioned(uow, user_id, record, now, manager_learner_id)
        uow.commit()
        return user


def get_user(ctx: Context, principal: Principal, user_id: str) -> UserResource:
    authorise_directory(principal)
    with ctx.uow() as uow:
        return resource_of(load_user(uow.session, user_id))


def me(ctx: Context, principal: Principal) -> UserResource:
    """The caller's own record (RFC 7644 §3.11): the user whose userName is their identity claim."""
    claimed = (principal.claims or {}).get(ctx.identity_claim)
    if not isinstance(claimed, str) or not claimed:
        raise NotFound(f"The token has no {ctx.identity_claim!r} claim naming a user.")
    with ctx.uow() as uow:
        found = uow.session.execute(select(users).where(users.c.user_name_key == name_key(claimed))).first()
        if found is None:
            raise NotFound(f"No user has the userName {claimed!r}.")
        return resource_of(found)


def list_users(ctx: Context, principal: Principal, query: SearchQuery) -> tuple[int, list[UserResource]]:
    authorise_directory(principal)
    with ctx.uow() as uow:
        page = search(uow.session, users, USER_ATTRIBUTES, query)
        return page.total, [resource_of(row) for row in page.rows]


def replace_user(
    ctx: Context, principal: Principal, user_id: str, payload: Any, if_match: list[str] | None
) -> UserResource:
    authorise_directory(principal)
    replacement = read_payload(UserResource, payload, ScimContext.RESOURCE_REPLACEMENT_REQUEST)
    return _change(ctx, user_id, if_match, lambda _current: replacement)


def patch_user(
    ctx: Context, principal: Principal, user_id: str, body: Any, if_match: list[str] | None
) -> UserResource:
    authorise_directory(principal)

    def patched(current: UserResource) -> UserResource:
        apply_patch(current, body)
        return current

    return _change(ctx, user_id, if_match, patched)


def remove_user(ctx: Context, principal: Principal, user_id: str, if_match: list[str] | None) -> None:
    """Take the user out of the directory (their learning records elsewhere stay)."""
    authorise_directory(principal)
    with ctx.uow() as uow:
        row = load_user(uow.session, user_id, for_update=True)
        check_version(row, if_match)
        ripples.user_removed(uow, row, ctx.clock())
        uow.commit()


def _change(ctx: Context, user_id: str, if_match: list[str] | None, edit: Any) -> UserResource:
    with ctx.uow() as uow:
        row = load_user(uow.session, user_id, for_update=True)
        check_version(row, if_match)
        current = resource_of(row)
        before = user_record(current)
        changed = edit(resource_of(row))
        if user_record(changed) == before and _same_document(current, changed):
            return current
        _check_manager(uow, changed, user_id)
        now = ctx.clock()
        after = update_user(uow.session, row, changed, now)
        announcing.user_changed(uow, user_id, before, after, now)
        if after.user_name != before.user_name:
            ripples.learner_id_changed(uow, user_id, now)
        uow.commit()
        return changed


def _same_document(one: UserResource, other: UserResource) -> bool:
    return one.model_dump(exclude={"meta", "id"}) == other.model_dump(exclude={"meta", "id"})


def _check_manager(uow: UnitOfWork, user: UserResource, user_id: str) -> str | None:
    """The manager's userName (their learner id), refusing oneself or someone not in the directory."""
    manager_id = user_record(user).manager_id
    if manager_id is None:
        return None
    if manager_id == user_id:
        raise InvalidValue("A user cannot be their own manager.")
    learner_id = uow.session.scalar(select(users.c.user_name).where(users.c.id == manager_id))
    if learner_id is None:
        raise InvalidValue(f"The manager {manager_id} is not a user of the directory.")
    return learner_id
