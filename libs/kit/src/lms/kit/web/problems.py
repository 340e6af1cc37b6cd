"""RFC 9457 problem details: the one error shape of every service and the gateway."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

import marshmallow as ma
from flask import Response, json, request
from werkzeug.exceptions import HTTPException

from lms.kit.errors import DomainError

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://lms.example/problems/"
log = logging.getLogger(__name__)


class Problem(Exception):
    """Raise from the API layer to answer with a problem document."""

    def __init__(
        self,
        status: int,
        detail: str | None = None,
        *,
        title: str | None = None,
        type_: str | None = None,
        errors: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        **extensions: Any,
    ):
        super().__init__(detail or title or HTTPStatus(status).phrase)
        self.status = status
        self.detail = detail
        self.title = title
        self.type_ = type_
        self.errors = errors
        self.headers = dict(headers or {})
        self.extensions = extensions


class ProblemSchema(ma.Schema):
    """RFC 9457 problem details (documentation only)."""

    type = ma.fields.String(metadata={"description": "URI naming the kind of problem"})
    title = ma.fields.String()
    status = ma.fields.Integer()
    detail = ma.fields.String()
    instance = ma.fields.String()
    errors = ma.fields.Dict(metadata={"description": "field -> messages, for invalid input"})


def problem_response(
    status: int,
    detail: str | None = None,
    *,
    title: str | None = None,
    type_: str | None = None,
    errors: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    **extensions: Any,
) -> Response:
    phrase = HTTPStatus(status).phrase
    body: dict[str, Any] = {
        "type": type_ or TYPE_BASE + phrase.lower().replace(" ", "-").replace("'", ""),
        "title": title or phrase,
        "status": status,
        "detail": detail or phrase,
        "instance": request.path if request else None,
    }
    if errors:
        body["errors"] = errors
    body.update(extensions)
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def from_problem(error: Problem) -> Response:
    return _answer(error, error.extensions)


def from_domain_error(error: DomainError) -> Response:
    """A use case's refusal, with the status its class carries (`lms.kit.errors`)."""
    return _answer(error, error.extensions())


def _answer(error: Problem | DomainError, extensions: Mapping[str, Any]) -> Response:
    return problem_response(
        error.status,
        error.detail,
        title=error.title,
        type_=error.type_,
        errors=error.errors,
        headers=error.headers,
        **extensions,
    )


def from_http_exception(error: HTTPException) -> Response:
    """Werkzeug/webargs errors (404, 405, 413, 422 with field messages, ...) as problems."""
    data = getattr(error, "data", None) or {}
    status = error.code or 500
    errors = data.get("errors") or _field_errors(data.get("messages"))
    headers = dict(data.get("headers") or {})
    if status == 405 and hasattr(error, "valid_methods") and error.valid_methods:
        headers["Allow"] = ", ".join(error.valid_methods)
    detail = data.get("message") or _detail(status, error, errors)
    if status >= 500:
        original = getattr(error, "original_exception", None)
        if original is not None:
            log.error("unhandled error", exc_info=original)
    return problem_response(status, detail, errors=errors, headers=headers)


def _detail(status: int, error: HTTPException, errors: Mapping[str, Any] | None) -> str:
    if status == 422 and errors:
        return "The request has invalid fields: " + ", ".join(sorted(errors)) + "."
    if status >= 500:
        return "The server could not complete the request; it has been logged."
    return error.description or HTTPStatus(status).phrase


def _field_errors(messages: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """webargs nests errors by location (`json`, `query`, ...); HTTP clients want fields."""
    if not messages:
        return None
    flat: dict[str, Any] = {}
    for location, fields in messages.items():
        if isinstance(fields, Mapping):
            for name, problems in fields.items():
                flat[name if location == "json" else f"{location}.{name}"] = problems
        else:
            flat[location] = fields
    return flat
