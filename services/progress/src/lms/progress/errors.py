"""Why a use case refuses; the API layer alone turns these into HTTP problems."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


class ProgressError(Exception):
    """Base of the refusals below."""

    def __init__(self, detail: str, errors: Mapping[str, Sequence[str]] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.errors = dict(errors) if errors else None


class NotFound(ProgressError):
    """No such thing, or the caller may not know it exists."""


class Forbidden(ProgressError):
    """The caller is known but not allowed."""


class Conflict(ProgressError):
    """The request contradicts the current state."""


class AlreadyEnrolled(Conflict):
    """The learner is enrolled on the course already: `enrolment` is the existing one."""

    def __init__(self, detail: str, enrolment: dict[str, Any]):
        super().__init__(detail)
        self.enrolment = enrolment


class Invalid(ProgressError):
    """The input does not fit (unknown course, refused target, ...): `errors` names fields."""


class Unavailable(ProgressError):
    """An owning service that must answer first cannot be reached now; try again shortly."""
