"""Why a use case refuses: the kit's refusals (`lms.kit.errors`), which carry their HTTP status.

The kit's web layer turns each into a problem; the service keeps no table of statuses.
"""

from __future__ import annotations

from lms.kit import errors as kit


class AssessmentError(kit.DomainError):
    """Base of the refusals below."""


class NotFound(AssessmentError, kit.NotFound):
    """No such thing, or the caller may not know it exists."""


class Forbidden(AssessmentError, kit.Forbidden):
    """The caller is known but not allowed."""


class Conflict(AssessmentError, kit.Conflict):
    """The request contradicts the current state (used up, already submitted, reused key)."""


class Expired(Conflict):
    """The attempt's time limit (plus grace) has passed."""

    title = "attempt expired"
    type_ = "https://lms.example/problems/attempt-expired"


class Invalid(AssessmentError, kit.Invalid):
    """The input does not fit: `errors` names each field or item."""


class PreconditionRequired(AssessmentError, kit.PreconditionRequired):
    """An edit came without `If-Match`."""


class PreconditionFailed(AssessmentError, kit.PreconditionFailed):
    """An edit's `If-Match` names a version of the draft that is no longer current."""


class Unavailable(AssessmentError, kit.Unavailable):
    """A service that must answer first cannot be reached now; try again shortly (`Retry-After`)."""
