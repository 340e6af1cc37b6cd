"""Resources as the client asked for them: location, version, selected attributes."""

from __future__ import annotations

from typing import Any

from flask import Response, request
from pydantic import ValidationError
from scim2_models import Resource, ResponseParameters

from lms.people.api.common import LIST_SCHEMA, reply
from lms.people.domain.errors import InvalidValue
from lms.people.domain.resources import dump

PREFIX = "scim/v2"


def location(resource: Resource[Any]) -> str:
    endpoint = "Users" if resource.meta.resource_type == "User" else "Groups"
    return f"{request.url_root}{PREFIX}/{endpoint}/{resource.id}"


def selection(
    model: type[Resource[Any]], asked: dict[str, Any] | None = None
) -> ResponseParameters[Any] | None:
    """`attributes` / `excludedAttributes` of the query string (or a search body), checked."""
    asked = request.args if asked is None else asked
    attributes, excluded = asked.get("attributes"), asked.get("excludedAttributes")
    if not (attributes or excluded):
        return None
    try:
        return ResponseParameters[model](attributes=attributes or None, excluded_attributes=excluded or None)
    except ValidationError as exc:
        raise InvalidValue(f"attributes: {exc.errors()[0].get('msg')}") from None


def document(resource: Resource[Any], chosen: ResponseParameters[Any] | None) -> dict[str, Any]:
    resource.meta.location = location(resource)
    for member in getattr(resource, "members", None) or ():
        member.ref = f"{request.url_root}{PREFIX}/Users/{member.value}"
    return dump(resource, response_parameters=chosen)


def one(resource: Resource[Any], status: int = 200) -> Response:
    """One resource, with its ETag (and Location when just created)."""
    headers = {"ETag": resource.meta.version}
    if status == 201:
        headers["Location"] = location(resource)
    return reply(document(resource, selection(type(resource))), status, headers)


def many(
    total: int,
    resources: list[Resource[Any]],
    start_index: int,
    model: type[Resource[Any]],
    asked: dict[str, Any] | None = None,
) -> Response:
    """A ListResponse; `asked` is a search body whose attribute selection applies (else the query's)."""
    chosen = selection(model, asked)
    return reply(
        {
            "schemas": [LIST_SCHEMA],
            "totalResults": total,
            "startIndex": start_index,
            "itemsPerPage": len(resources),
            "Resources": [document(r, chosen) for r in resources],
        }
    )
