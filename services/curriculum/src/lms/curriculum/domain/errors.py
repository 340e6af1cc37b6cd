"""Why a curriculum use case refuses: each is a kit refusal, whose HTTP status the kit's one
table gives (`lms.kit.errors`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lms.kit import errors as kit


class CurriculumError(kit.DomainError):
    """Base of the refusals below."""


class NotFound(CurriculumError, kit.NotFound):
    """No such course, module or version."""


class Forbidden(CurriculumError, kit.Forbidden):
    """The caller is known but may not do this to this course."""


class Conflict(CurriculumError, kit.Conflict):
    """The request contradicts the current state (a taken slug, a retired course)."""


class Invalid(CurriculumError, kit.Invalid):
    """The input does not fit: `errors` names each field or item."""


class Unpublishable(Invalid):
    """The draft breaks publish rules; `errors` lists every one by location."""

    title = "The draft cannot be published"

    def __init__(self, problems: Mapping[str, Sequence[str]]):
        count = sum(map(len, problems.values()))
        super().__init__(f"The draft cannot be published: {count} problem(s).", problems)

    @property
    def problems(self) -> dict[str, list[str]]:
        return self.errors or {}


class TooLarge(CurriculumError, kit.TooLarge):
    """The course would exceed one of the caps in `domain.limits`."""


class PreconditionRequired(CurriculumError, kit.PreconditionRequired):
    """A write that needs `If-Match` came without it."""


class PreconditionFailed(CurriculumError, kit.PreconditionFailed):
    """`If-Match` names a revision of the draft that is no longer current."""


class Unreadable(CurriculumError, kit.BadRequest):
    """The body is not what it claims to be (not XML, not a ZIP archive, an unsafe archive)."""


class UnsupportedType(CurriculumError, kit.UnsupportedType):
    """The body comes in a media type the resource does not take."""
