"""Domain errors of the curriculum; the API layer maps them to problem documents."""

from __future__ import annotations


class CurriculumError(Exception):
    status = 400


class NotFound(CurriculumError):
    status = 404


class Conflict(CurriculumError):
    status = 409


class StaleDraft(CurriculumError):
    """The draft changed since the caller read it (If-Match no longer matches)."""

    status = 412


class PreconditionRequired(CurriculumError):
    status = 428


class Unpublishable(CurriculumError):
    """The draft breaks publish rules; `problems` lists every one by location."""

    status = 422

    def __init__(self, problems: dict[str, list[str]]):
        count = sum(map(len, problems.values()))
        super().__init__(f"The draft cannot be published: {count} problem(s).")
        self.problems = problems
