"""Why a use case refuses, named after SCIM's error types; each is a kit refusal, so its HTTP
status comes from the kit's one table (`lms.kit.errors`), and only the SCIM body is the API's."""

from __future__ import annotations

from lms.kit import errors as kit


class DirectoryError(kit.DomainError):
    """Base of the refusals below; `scim_type` is RFC 7644's `scimType` where one applies."""

    scim_type: str | None = None


class NotFound(DirectoryError, kit.NotFound):
    """No such user or team."""


class Forbidden(DirectoryError, kit.Forbidden):
    """The caller may not read or change the directory."""


class Uniqueness(DirectoryError, kit.Conflict):
    scim_type = "uniqueness"


class InvalidFilter(DirectoryError, kit.BadRequest):
    scim_type = "invalidFilter"


class InvalidPath(DirectoryError, kit.BadRequest):
    scim_type = "invalidPath"


class NoTarget(DirectoryError, kit.BadRequest):
    scim_type = "noTarget"


class InvalidValue(DirectoryError, kit.BadRequest):
    scim_type = "invalidValue"


class InvalidSyntax(DirectoryError, kit.BadRequest):
    scim_type = "invalidSyntax"


class Mutability(DirectoryError, kit.BadRequest):
    scim_type = "mutability"


class PreconditionFailed(DirectoryError, kit.PreconditionFailed):
    """`If-Match` names a version that is no longer current."""
