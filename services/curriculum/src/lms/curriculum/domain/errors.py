"""Why a curriculum use case refuses; only the API layer turns these into HTTP problems."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


class CurriculumError(Exception):
    """Base of the refusals below."""

    title: str | None = None

    def __init__(self, detail: str, errors: Mapping[str, Sequence[str]] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.errors = {k: list(v) for k, v in errors.items()} if errors else None


class NotFound(CurriculumError):
    """No such course, module or version."""


class Forbidden(CurriculumError):
    """The caller is known but may not do this to this course."""


class Conflict(CurriculumError):
    """The request contradicts the current state (a taken slug, a retired course)."""


class Invalid(CurriculumError):
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


class TooLarge(CurriculumError):
    """The course would exceed one of the caps in `domain.limits`."""


class PreconditionRequired(CurriculumError):
    """A write that needs `If-Match` came without it."""


class PreconditionFailed(CurriculumError):
    """`If-Match` names a revision of the draft that is no longer current."""


class Unreadable(CurriculumError):
    """The body is not what it claims to be (not XML, not a ZIP archive, an unsafe archive): a 400."""


class UnsupportedType(CurriculumError):
    """The body comes in a media type the resource does not take: a 415."""
