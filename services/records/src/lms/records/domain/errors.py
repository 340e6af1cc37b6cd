"""Why a request is refused; the API layer alone turns these into HTTP statuses."""

from __future__ import annotations


class XapiError(Exception):
    """Base of the refusals below; `detail` says what to change."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


class Invalid(XapiError):
    """The request or a statement breaks a rule of the specification (400)."""


class Unauthorised(XapiError):
    """No credentials the LRS accepts (401)."""


class Forbidden(XapiError):
    """The caller is known but may not do this (403)."""


class NotFound(XapiError):
    """No such statement or document (404)."""


class Conflict(XapiError):
    """A statement id already holds another statement, or a document changed unseen (409)."""


class PreconditionFailed(XapiError):
    """`If-Match` / `If-None-Match` does not hold for the document (412)."""


class PreconditionRequired(XapiError):
    """A profile document was written without `If-Match` or `If-None-Match` (428)."""
