"""What the views share: the service context, and domain errors as problem documents."""

from __future__ import annotations

from flask import Flask, Response, current_app

from lms.kit.web import problem_response
from lms.progress.context import Context
from lms.progress.errors import (
    AlreadyEnrolled,
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
    ProgressError,
    Unavailable,
)

STATUS = {NotFound: 404, Forbidden: 403, Conflict: 409, Invalid: 422, Unavailable: 503}


def context() -> Context:
    return current_app.extensions["lms.progress"]


def problem_of(error: ProgressError) -> Response:
    status = next(code for kind, code in STATUS.items() if isinstance(error, kind))
    if isinstance(error, AlreadyEnrolled):
        enrolment = error.enrolment
        return problem_response(status, error.detail, enrolment=enrolment, enrolment_id=enrolment["id"])
    headers = {"Retry-After": "2"} if isinstance(error, Unavailable) else None
    return problem_response(status, error.detail, errors=error.errors, headers=headers)


def install(app: Flask, ctx: Context) -> None:
    app.extensions["lms.progress"] = ctx
    app.register_error_handler(ProgressError, problem_of)
