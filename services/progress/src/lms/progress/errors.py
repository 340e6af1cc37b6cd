"""Why a use case refuses: the kit's refusals (`lms.kit.errors`), each carrying its HTTP status,
which the kit's web layer alone turns into a problem document."""

from __future__ import annotations

from typing import Any

from lms.kit import errors as kit_errors


class ProgressError(kit_errors.DomainError):
    """Base of the refusals below."""


class NotFound(ProgressError, kit_errors.NotFound):
    """No such thing, or the caller may not know it exists."""


class Forbidden(ProgressError, kit_errors.Forbidden):
    """The caller is known but not allowed."""


class Conflict(ProgressError, kit_errors.Conflict):
    """The request contradicts the current state."""


class AlreadyEnrolled(Conflict):
    """The learner is enrolled on the course already: `enrolment` is the existing one, which the
    problem carries (with its id) for the client to go on with."""

    def __init__(self, detail: str, enrolment: dict[str, Any]):
        super().__init__(detail)
        self.enrolment = enrolment

    def extensions(self) -> dict[str, Any]:
        return {"enrolment": self.enrolment, "enrolment_id": self.enrolment["id"]}


class Invalid(ProgressError, kit_errors.Invalid):
    """The input does not fit (unknown course, refused target, ...): `errors` names fields."""


class Unavailable(ProgressError, kit_errors.Unavailable):
    """An owning service that must answer first cannot be reached now; try again shortly
    (answered with `Retry-After`)."""
