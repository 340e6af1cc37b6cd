"""The SCIM resources the directory serves, as scim2-models types, and reading payloads into them."""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from pydantic import Field, ValidationError
from scim2_models import (
    URN,
    CaseExact,
    ComplexAttribute,
    Context,
    EnterpriseUser,
    Extension,
    Group,
    Mutability,
    Reference,
    Required,
    Resource,
    SCIMException,
    ScimPolicy,
    User,
)

from lms.people.domain import errors


class DirectoryManager(ComplexAttribute):
    """A user's manager by id; `$ref` optional, as Entra ID and Okta send only `value`."""

    value: Annotated[str | None, Required.true, CaseExact.true] = None
    ref: Annotated[Reference[User] | None, Required.false] = Field(  # type: ignore[type-arg]
        None, serialization_alias="$ref", validation_alias="$ref"
    )
    display_name: Annotated[str | None, Mutability.read_only] = None


class Enterprise(EnterpriseUser):
    """The enterprise extension (RFC 7643 §4.3) with a manager whose `$ref` may be left out."""

    __schema__ = EnterpriseUser.__schema__
    manager: DirectoryManager | None = None


class TeamManager(ComplexAttribute):
    value: Annotated[str | None, CaseExact.true] = None
    """The id of the User who manages the team."""
    ref: Annotated[Reference[User] | None, Required.false] = Field(  # type: ignore[type-arg]
        None, serialization_alias="$ref", validation_alias="$ref"
    )
    display_name: Annotated[str | None, Mutability.read_only] = None


class TeamExtension(Extension):
    """The LMS's extension of a Group: who manages the team."""

    __schema__ = URN("urn:lms:params:scim:schemas:extension:team:2.0:Group")
    manager: TeamManager | None = None


UserResource = User[Enterprise]
TeamResource = Group[TeamExtension]
ENTERPRISE = str(Enterprise.__schema__)
TEAM_EXTENSION = str(TeamExtension.__schema__)

# What identity providers send beyond the letter of RFC 7644: Entra ID removes a member by
# `value` instead of a filtered path and PATCHes `emails[type eq "work"].value` on a user with no
# work address yet. Unknown attributes stay refused.
POLICY = ScimPolicy(
    remove_value_as_filter=ScimPolicy.RemoveValue.apply,
    unmatched_path_filter=ScimPolicy.UnmatchedPathFilter.create,
)

R = TypeVar("R", bound=Resource[Any])


def read_payload(model: type[R], payload: Any, context: Context) -> R:
    """`payload` as a `model` in a request `context`, or the SCIM refusal it deserves."""
    if not isinstance(payload, dict):
        raise errors.InvalidSyntax("The body must be a JSON object.")
    try:
        return model.model_validate(payload, scim_ctx=context, scim_policy=POLICY)
    except (ValidationError, SCIMException) as exc:
        raise refusal(exc) from None


def refusal(exc: ValidationError | SCIMException) -> errors.DirectoryError:
    """The directory error matching a scim2-models failure (its `scimType` kept)."""
    if isinstance(exc, SCIMException):
        return _by_type(exc.scim_type, exc.detail)
    first = exc.errors()[0]
    kind = str(first.get("type", ""))
    where = ".".join(str(part) for part in first.get("loc", ()))
    detail = f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
    return _by_type(kind.removeprefix("scim_") if kind.startswith("scim_") else "invalidValue", detail)


_KINDS: dict[str, type[errors.DirectoryError]] = {
    "invalidPath": errors.InvalidPath,
    "noTarget": errors.NoTarget,
    "invalidFilter": errors.InvalidFilter,
    "uniqueness": errors.Uniqueness,
    "mutability": errors.Mutability,
    "invalidSyntax": errors.InvalidSyntax,
}


def _by_type(scim_type: str, detail: str) -> errors.DirectoryError:
    return _KINDS.get(scim_type, errors.InvalidValue)(detail)


def dump(resource: Resource[Any], context: Context = Context.RESOURCE_QUERY_RESPONSE, **kwargs: Any) -> dict:
    """The resource as SCIM JSON for `context` (`response_parameters=` selects attributes)."""
    return resource.model_dump(scim_ctx=context, scim_policy=POLICY, **kwargs)
