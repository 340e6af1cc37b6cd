"""Domain errors of progress; the API maps them to problem documents."""

from __future__ import annotations

from typing import Any


class ProgressError(Exception):
    status = 400


class NotFound(ProgressError):
    status = 404


class Conflict(ProgressError):
    status = 409

    def __init__(self, message: str, body: dict[str, Any] | None = None):
        super().__init__(message)
        self.body = body


class Unprocessable(ProgressError):
    status = 422
