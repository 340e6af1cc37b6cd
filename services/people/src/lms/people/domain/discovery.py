"""What the service declares about itself (RFC 7644 §4): features, resource types, schemas."""

from __future__ import annotations

from typing import Any

from scim2_models import (
    AuthenticationScheme,
    Bulk,
    ChangePassword,
    ETag,
    Filter,
    Patch,
    ResourceType,
    Schema,
    ServiceProviderConfig,
    Sort,
)

from lms.people.domain.resources import Enterprise, TeamExtension, TeamResource, UserResource, dump

MAX_RESULTS = 1000


def service_provider_config() -> dict[str, Any]:
    """PATCH, filter, sort and ETags are supported; bulk and password changes are not."""
    config = ServiceProviderConfig(
        documentation_uri="https://lms.example/docs/scim",
        patch=Patch(supported=True),
        bulk=Bulk(supported=False, max_operations=0, max_payload_size=0),
        filter=Filter(supported=True, max_results=MAX_RESULTS),
        change_password=ChangePassword(supported=False),
        sort=Sort(supported=True),
        etag=ETag(supported=True),
        authentication_schemes=[
            AuthenticationScheme(
                type="oauthbearertoken",
                name="OAuth Bearer Token",
                description="An API key with the scim scope, exchanged by the gateway for a token",
                primary=True,
            )
        ],
    )
    return dump(config)


def resource_types() -> list[dict[str, Any]]:
    users = ResourceType.from_resource(UserResource).model_copy(update={"description": "People"})
    groups = ResourceType.from_resource(TeamResource).model_copy(update={"description": "Teams"})
    return [dump(users), dump(groups)]


def schemas() -> list[dict[str, Any]]:
    found: list[Schema] = [
        UserResource.to_schema(),
        Enterprise.to_schema(),
        TeamResource.to_schema(),
        TeamExtension.to_schema(),
    ]
    return [dump(schema) for schema in found]
