"""Why a use case refuses; the API layer alone turns these into HTTP problems."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


class InsightsError(Exception):
    """Base of the refusals below."""

    def __init__(self, detail: str, errors: Mapping[str, Sequence[str]] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.errors = dict(errors) if errors else None


class NotFound(InsightsError):
    """No such thing, or the caller may not know it exists."""


class Forbidden(InsightsError):
    """The caller is known but not allowed."""


class Conflict(InsightsError):
    """The request contradicts the current state (already closed, already declared)."""


class Invalid(InsightsError):
    """The input does not fit: `errors` names each field, row or line."""
