"""Why a use case refuses, and the HTTP status each reason gets: the one table of every service.

Use cases raise these (or a service's own subclasses of them) and return plain results; the web
layer of every service turns any `DomainError` into an RFC 9457 problem with the class's
`status` (`lms.kit.web.problems.from_domain_error`), so no service keeps a table of its own.
A service whose standard gives a reason another status (xAPI's 400 for a statement that breaks a
rule) subclasses the kit class that carries that status.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar


class DomainError(Exception):
    """A refusal: `detail` says what to change, `errors` names the fields or items at fault."""

    status: ClassVar[int] = 400
    title: ClassVar[str | None] = None  # None: the status's phrase
    type_: ClassVar[str | None] = None  # None: derived from the title
    headers: ClassVar[Mapping[str, str]] = {}

    def __init__(self, detail: str, errors: Mapping[str, Sequence[str]] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.errors = {key: list(value) for key, value in errors.items()} if errors else None

    def extensions(self) -> dict[str, Any]:
        """Members a problem document carries besides the standard ones (none by default)."""
        return {}


class BadRequest(DomainError):
    """The request cannot be taken as sent: not what it claims to be, or against its standard."""

    status = 400


class Unauthorised(DomainError):
    """No credentials the service accepts."""

    status = 401


class Forbidden(DomainError):
    """The caller is known but may not do this."""

    status = 403


class NotFound(DomainError):
    """No such thing, or the caller may not know it exists."""

    status = 404


class Conflict(DomainError):
    """The request contradicts the current state."""

    status = 409


class PreconditionFailed(DomainError):
    """`If-Match` (or `If-None-Match`) names a version that is no longer current."""

    status = 412


class TooLarge(DomainError):
    """The thing would exceed one of the service's caps."""

    status = 413


class UnsupportedType(DomainError):
    """The body comes in a media type the resource does not take."""

    status = 415


class Invalid(DomainError):
    """The input does not fit: `errors` names each field or item."""

    status = 422


class PreconditionRequired(DomainError):
    """A write that needs `If-Match` came without it."""

    status = 428


class Unavailable(DomainError):
    """A service that must answer first cannot be reached now; try again shortly."""

    status = 503
    headers = {"Retry-After": "2"}
