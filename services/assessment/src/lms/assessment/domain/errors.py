"""Why a use case refuses; the API layer alone turns these into HTTP problems."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


class AssessmentError(Exception):
    """Base of the refusals below."""

    def __init__(self, detail: str, errors: Mapping[str, Sequence[str]] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.errors = dict(errors) if errors else None


class NotFound(AssessmentError):
    """No such thing, or the caller may not know it exists."""


class Forbidden(AssessmentError):
    """The caller is known but not allowed."""


class Conflict(AssessmentError):
    """The request contradicts the current state (used up, already submitted, reused key)."""


class Expired(Conflict):
    """The attempt's time limit (plus grace) has passed."""


class Invalid(AssessmentError):
    """The input does not fit: `errors` names each field or item."""


class PreconditionRequired(AssessmentError):
    """An edit came without `If-Match`."""


class PreconditionFailed(AssessmentError):
    """An edit's `If-Match` names a version of the draft that is no longer current."""


class Unavailable(AssessmentError):
    """A service that must answer first cannot be reached now; try again shortly."""
