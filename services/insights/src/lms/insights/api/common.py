"""What the views share: the service context, and domain errors as problems."""

from __future__ import annotations

from flask import Flask, Response, current_app

from lms.insights.domain.errors import Conflict, Forbidden, InsightsError, Invalid, NotFound
from lms.insights.service.context import Context
from lms.kit.web import problem_response

STATUS = {NotFound: 404, Forbidden: 403, Conflict: 409, Invalid: 422}


def context() -> Context:
    return current_app.extensions["lms.insights"]


def problem_of(error: InsightsError) -> Response:
    status = next(code for kind, code in STATUS.items() if isinstance(error, kind))
    return problem_response(status, error.detail, errors=error.errors)


def install(app: Flask, ctx: Context) -> None:
    app.extensions["lms.insights"] = ctx
    app.register_error_handler(InsightsError, problem_of)
