"""What the views share: the service context, idempotency keys, and domain errors as problems."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask, Response, current_app, request

from lms.assessment.domain.errors import (
    AssessmentError,
    Conflict,
    Expired,
    Forbidden,
    Invalid,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    Unavailable,
)
from lms.assessment.service.context import Context
from lms.assessment.service.idempotency import IdempotencyKey, Outcome
from lms.kit.web import Problem, problem_response

KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,200}$")
STATUS = {
    NotFound: 404,
    Forbidden: 403,
    Expired: 409,
    Conflict: 409,
    Invalid: 422,
    PreconditionRequired: 428,
    PreconditionFailed: 412,
    Unavailable: 503,
}
TITLES = {Expired: "attempt expired"}


def context() -> Context:
    return current_app.extensions["lms.assessment"]


def idempotency_key(body: Any) -> IdempotencyKey | None:
    """The request's `Idempotency-Key` bound to its method, path and body (None when absent)."""
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    if not KEY_PATTERN.match(key):
        raise Problem(
            422,
            "Idempotency-Key must be 1-200 visible ASCII characters.",
            errors={"Idempotency-Key": ["invalid"]},
        )
    return IdempotencyKey.of(key, request.method, request.path, body)


def answer(outcome: Outcome) -> tuple[dict[str, Any], int, dict[str, str]]:
    headers = {"Idempotent-Replayed": "true"} if outcome.replayed else {}
    return outcome.body, outcome.status, headers


def problem_of(error: AssessmentError) -> Response:
    status = next(code for kind, code in STATUS.items() if isinstance(error, kind))
    title = next((t for kind, t in TITLES.items() if isinstance(error, kind)), None)
    type_ = "https://lms.example/problems/attempt-expired" if isinstance(error, Expired) else None
    headers = {"Retry-After": "2"} if isinstance(error, Unavailable) else None
    return problem_response(
        status, error.detail, title=title, type_=type_, errors=error.errors, headers=headers
    )


def install(app: Flask, ctx: Context) -> None:
    app.extensions["lms.assessment"] = ctx
    app.register_error_handler(AssessmentError, problem_of)
