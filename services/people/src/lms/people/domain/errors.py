"""Why a use case refuses, named after SCIM's error types; only the API layer picks statuses."""

from __future__ import annotations


class DirectoryError(Exception):
    """Base of the refusals below; `scim_type` is RFC 7644's `scimType` where one applies."""

    scim_type: str | None = None

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


class NotFound(DirectoryError):
    """No such user or team."""


class Forbidden(DirectoryError):
    """The caller may not read or change the directory."""


class Uniqueness(DirectoryError):
    scim_type = "uniqueness"


class InvalidFilter(DirectoryError):
    scim_type = "invalidFilter"


class InvalidPath(DirectoryError):
    scim_type = "invalidPath"


class NoTarget(DirectoryError):
    scim_type = "noTarget"


class InvalidValue(DirectoryError):
    scim_type = "invalidValue"


class InvalidSyntax(DirectoryError):
    scim_type = "invalidSyntax"


class Mutability(DirectoryError):
    scim_type = "mutability"


class PreconditionFailed(DirectoryError):
    """`If-Match` names a version that is no longer current."""
