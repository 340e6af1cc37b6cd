"""Use cases on teams (SCIM groups): create, read, list, replace, patch membership, remove."""

from __future__ import annotations

import uuid
from typing import Any

from scim2_models import Context as ScimContext
from sqlalchemy import delete

from lms.kit.auth import Principal
from lms.kit.uow import UnitOfWork
from lms.people.db import teams
from lms.people.domain.patching import apply_patch
from lms.people.domain.resources import TeamResource, read_payload
from lms.people.service import announcing
from lms.people.service.access import authorise_directory
from lms.people.service.context import Context
from lms.people.service.filter_columns import GROUP_ATTRIBUTES
from lms.people.service.listing import SearchQuery, search
from lms.people.service.team_store import insert_team, load_team, members_of, resource_of, update_team
from lms.people.service.user_store import check_version


def create_team(ctx: Context, principal: Principal, payload: Any) -> TeamResource:
    authorise_directory(principal)
    team = read_payload(TeamResource, payload, ScimContext.RESOURCE_CREATION_REQUEST)
    with ctx.uow() as uow:
        team_id, now = uuid.uuid4().hex, ctx.clock()
        insert_team(uow.session, team_id, team, now)
        announcing.team_changed(uow, team_id, now)
        uow.commit()
        return _current(uow, team_id)


def get_team(ctx: Context, principal: Principal, team_id: str) -> TeamResource:
    authorise_directory(principal)
    with ctx.uow() as uow:
        return _current(uow, team_id)


def list_teams(ctx: Context, principal: Principal, query: SearchQuery) -> tuple[int, list[TeamResource]]:
    authorise_directory(principal)
    with ctx.uow() as uow:
        page = search(uow.session, teams, GROUP_ATTRIBUTES, query)
        members = members_of(uow.session, [row.id for row in page.rows])
        return page.total, [resource_of(row, members.get(row.id, [])) for row in page.rows]


def replace_team(
    ctx: Context, principal: Principal, team_id: str, payload: Any, if_match: list[str] | None
) -> TeamResource:
    authorise_directory(principal)
    replacement = read_payload(TeamResource, payload, ScimContext.RESOURCE_REPLACEMENT_REQUEST)
    return _change(ctx, team_id, if_match, lambda _current: replacement)


def patch_team(
    ctx: Context, principal: Principal, team_id: str, body: Any, if_match: list[str] | None
) -> TeamResource:
    authorise_directory(principal)

    def patched(current: TeamResource) -> TeamResource:
        apply_patch(current, body)
        return current

    return _change(ctx, team_id, if_match, patched)


def remove_team(ctx: Context, principal: Principal, team_id: str, if_match: list[str] | None) -> None:
    """Delete the team and its memberships (the people stay)."""
    authorise_directory(principal)
    with ctx.uow() as uow:
        row = load_team(uow.session, team_id, for_update=True)
        check_version(row, if_match)
        uow.session.execute(delete(teams).where(teams.c.id == team_id))
        announcing.team_changed(uow, team_id, ctx.clock())
        uow.commit()


def _current(uow: UnitOfWork, team_id: str) -> TeamResource:
    row = load_team(uow.session, team_id)
    return resource_of(row, members_of(uow.session, [team_id]).get(team_id, []))


def _change(ctx: Context, team_id: str, if_match: list[str] | None, edit: Any) -> TeamResource:
    with ctx.uow() as uow:
        row = load_team(uow.session, team_id, for_update=True)
        check_version(row, if_match)
        current = resource_of(row, members_of(uow.session, [team_id]).get(team_id, []))
        changed = edit(resource_of(row, members_of(uow.session, [team_id]).get(team_id, [])))
        if _document(changed) == _document(current):
            return current
        now = ctx.clock()
        update_team(uow.session, row, current, changed, now)
        announcing.team_changed(uow, team_id, now)
        uow.commit()
        return _current(uow, team_id)


def _document(team: TeamResource) -> dict:
    members = sorted(m.value or "" for m in team.members or ())
    return {**team.model_dump(exclude={"meta", "id", "members"}), "members": members}
