"""`/scim/v2/ServiceProviderConfig`, `/ResourceTypes`, `/Schemas`: open to any caller (RFC 7644 §4)."""

from __future__ import annotations

from typing import Any

from flask import Response, request

from lms.people.api.common import LIST_SCHEMA, reply, scim_error
from lms.people.api.scim import blp
from lms.people.domain import discovery


def _listing(items: list[dict[str, Any]]) -> Response:
    return reply(
        {
            "schemas": [LIST_SCHEMA],
            "totalResults": len(items),
            "startIndex": 1,
            "itemsPerPage": len(items),
            "Resources": items,
        }
    )


def _located(item: dict[str, Any], kind: str) -> dict[str, Any]:
    meta = {"resourceType": kind, "location": f"{request.url_root}scim/v2/{kind}s/{item['id']}"}
    return {**item, "meta": meta}


def _one_of(items: list[dict[str, Any]], item_id: str, kind: str) -> Response:
    found = next((item for item in items if item["id"] == item_id), None)
    return reply(_located(found, kind)) if found else scim_error(404, f"No {kind} {item_id}.")


@blp.get("/ServiceProviderConfig")
def service_provider_config() -> Response:
    """The SCIM features this service supports."""
    return reply(discovery.service_provider_config())


@blp.get("/ResourceTypes")
def resource_types() -> Response:
    """Users and Groups."""
    return _listing([_located(item, "ResourceType") for item in discovery.resource_types()])


@blp.get("/ResourceTypes/<type_id>")
def resource_type(type_id: str) -> Response:
    """One resource type."""
    return _one_of(discovery.resource_types(), type_id, "ResourceType")


@blp.get("/Schemas")
def schemas() -> Response:
    """The core and extension schemas served."""
    return _listing([_located(item, "Schema") for item in discovery.schemas()])


@blp.get("/Schemas/<path:schema_id>")
def schema(schema_id: str) -> Response:
    """One schema by its URN."""
    return _one_of(discovery.schemas(), schema_id, "Schema")
