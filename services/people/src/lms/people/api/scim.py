"""`/scim/v2/Users` and `/scim/v2/Groups` (RFC 7644 §3): each view calls one use case."""

from __future__ import annotations

from flask import Blueprint, Response, request

from lms.kit.web.preconditions import if_match
from lms.people.api.common import (
    body,
    caller,
    context,
    install_errors,
    scim_error,
    search_body,
    search_query,
)
from lms.people.api.presenting import many, one
from lms.people.domain.resources import TeamResource, UserResource
from lms.people.service import teams, users

KNOWN_ENDPOINTS = {"Me", "Users", "Groups", "ServiceProviderConfig", "ResourceTypes", "Schemas"}
blp = Blueprint("scim", __name__, url_prefix="/scim/v2")
install_errors(blp)


@blp.get("/Users")
def list_users() -> Response:
    """Users matching `filter`, sorted and paged."""
    query = search_query()
    total, found = users.list_users(context(), caller(), query)
    return many(total, found, query.start_index, UserResource)


@blp.post("/Users/.search")
def search_users() -> Response:
    """Users matching a SearchRequest body."""
    asked = search_body()
    query = search_query(asked)
    total, found = users.list_users(context(), caller(), query)
    return many(total, found, query.start_index, UserResource, asked)


@blp.post("/Users")
def create_user() -> Response:
    """Provision a user."""
    return one(users.provision_user(context(), caller(), body()), 201)


@blp.get("/Me")
def get_me() -> Response:
    """The caller's own user, found by their token's identity claim."""
    return one(users.me(context(), caller()))


@blp.get("/Users/<user_id>")
def get_user(user_id: str) -> Response:
    """One user."""
    return one(users.get_user(context(), caller(), user_id))


@blp.put("/Users/<user_id>")
def replace_user(user_id: str) -> Response:
    """Replace a user's attributes."""
    return one(users.replace_user(context(), caller(), user_id, body(), if_match(weak=True)))


@blp.patch("/Users/<user_id>")
def patch_user(user_id: str) -> Response:
    """Add, replace or remove a user's attributes."""
    return one(users.patch_user(context(), caller(), user_id, body(), if_match(weak=True)))


@blp.delete("/Users/<user_id>")
def delete_user(user_id: str) -> Response:
    """Remove a user from the directory."""
    users.remove_user(context(), caller(), user_id, if_match(weak=True))
    return Response(status=204)


@blp.get("/Groups")
def list_groups() -> Response:
    """Teams matching `filter`, sorted and paged."""
    query = search_query()
    total, found = teams.list_teams(context(), caller(), query)
    return many(total, found, query.start_index, TeamResource)


@blp.post("/Groups/.search")
def search_groups() -> Response:
    """Teams matching a SearchRequest body."""
    asked = search_body()
    query = search_query(asked)
    total, found = teams.list_teams(context(), caller(), query)
    return many(total, found, query.start_index, TeamResource, asked)


@blp.post("/Groups")
def create_group() -> Response:
    """Create a team."""
    return one(teams.create_team(context(), caller(), body()), 201)


@blp.get("/Groups/<team_id>")
def get_group(team_id: str) -> Response:
    """One team with its members."""
    return one(teams.get_team(context(), caller(), team_id))


@blp.put("/Groups/<team_id>")
def replace_group(team_id: str) -> Response:
    """Replace a team."""
    return one(teams.replace_team(context(), caller(), team_id, body(), if_match(weak=True)))


@blp.patch("/Groups/<team_id>")
def patch_group(team_id: str) -> Response:
    """Rename a team, add or remove members, set its manager."""
    return one(teams.patch_team(context(), caller(), team_id, body(), if_match(weak=True)))


@blp.delete("/Groups/<team_id>")
def delete_group(team_id: str) -> Response:
    """Delete a team (its members stay in the directory)."""
    teams.remove_team(context(), caller(), team_id, if_match(weak=True))
    return Response(status=204)


@blp.post("/.search")
def search_everything() -> Response:
    """Searching users and teams at once is not offered: search /Users or /Groups."""
    return scim_error(501, "Search /Users/.search or /Groups/.search; not both at once.")


@blp.route("/", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
def root() -> Response:
    """The SCIM root names no resource (only `POST /.search` is defined there)."""
    return scim_error(404, "No SCIM resource at the root: see /ServiceProviderConfig and /ResourceTypes.")


@blp.route("/<path:anything>", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
def unknown(anything: str) -> Response:
    """Anything else under /scim/v2: 405 on a known endpoint, else a SCIM 404."""
    if anything.split("/")[0] in KNOWN_ENDPOINTS:
        return scim_error(405, f"/{anything} does not accept {request.method}.")
    return scim_error(404, f"No SCIM endpoint /{anything}.")
