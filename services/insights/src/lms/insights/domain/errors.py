"""Why a use case refuses: the kit's refusals (`lms.kit.errors`), which carry their HTTP status.

The kit's web layer turns each into a problem; the service keeps no table of statuses.
"""

from __future__ import annotations

from lms.kit import errors as kit


class InsightsError(kit.DomainError):
    """Base of the refusals below."""


class NotFound(InsightsError, kit.NotFound):
    """No such thing, or the caller may not know it exists."""


class Forbidden(InsightsError, kit.Forbidden):
    """The caller is known but not allowed."""


class Conflict(InsightsError, kit.Conflict):
    """The request contradicts the current state (already closed, already declared)."""


class Invalid(InsightsError, kit.Invalid):
    """The input does not fit: `errors` names each field, row or line."""
