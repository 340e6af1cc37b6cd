"""Why a request is refused: each is a kit refusal carrying the status the xAPI specification
gives its kind (`lms.kit.errors` is the one table; a statement that breaks a rule is xAPI's 400)."""

from __future__ import annotations

from lms.kit import errors as kit


class XapiError(kit.DomainError):
    """Base of the refusals below; `detail` says what to change."""


class Invalid(XapiError, kit.BadRequest):
    """The request or a statement breaks a rule of the specification (400)."""


class Unauthorised(XapiError, kit.Unauthorised):
    """No credentials the LRS accepts (401)."""


class Forbidden(XapiError, kit.Forbidden):
    """The caller is known but may not do this (403)."""


class NotFound(XapiError, kit.NotFound):
    """No such statement or document (404)."""


class Conflict(XapiError, kit.Conflict):
    """A statement id already holds another statement, or a document changed unseen (409)."""


class PreconditionFailed(XapiError, kit.PreconditionFailed):
    """`If-Match` / `If-None-Match` does not hold for the document (412)."""


class PreconditionRequired(XapiError, kit.PreconditionRequired):
    """A profile document was written without `If-Match` or `If-None-Match` (428)."""
