"""What the SCIM views share: replies as application/scim+json, errors as SCIM Error messages."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, current_app, request
from werkzeug.exceptions import HTTPException

from lms.kit.auth import Principal
from lms.kit.web import Problem, current_principal
from lms.people.domain import errors
from lms.people.service.context import Context
from lms.people.service.listing import SearchQuery

SCIM_JSON = "application/scim+json"
ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error"
LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse"


def context() -> Context:
    return current_app.extensions["lms.people"]


def caller() -> Principal:
    return current_principal()


def reply(document: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(document), status=status, headers=headers or {}, content_type=SCIM_JSON)


def scim_error(status: int, detail: str, scim_type: str | None = None, headers: Any = None) -> Response:
    body: dict[str, Any] = {"schemas": [ERROR_SCHEMA], "status": str(status), "detail": detail}
    if scim_type:
        body["scimType"] = scim_type
    return reply(body, status, dict(headers or {}))


def search_body() -> dict[str, Any]:
    """The body of a `POST .search` (RFC 7644 §3.4.3)."""
    asked = body()
    if not isinstance(asked, dict):
        raise errors.InvalidSyntax("A search body is a SearchRequest object.")
    for key in ("attributes", "excludedAttributes"):
        if isinstance(asked.get(key), list):
            asked[key] = ",".join(str(a) for a in asked[key])
    return asked


def body() -> Any:
    """The request's JSON (any JSON content type), or invalidSyntax."""
    payload = request.get_json(force=True, silent=True)
    if payload is None:
        raise errors.InvalidSyntax("The body is not JSON.")
    return payload


def search_query(asked: Any = None) -> SearchQuery:
    """`filter`, `startIndex`, `count`, `sortBy`, `sortOrder` of the query string or a search body."""
    args = request.args if asked is None else asked
    if not isinstance(args.get("filter") or "", str) or not isinstance(args.get("sortBy") or "", str):
        raise errors.InvalidValue("filter and sortBy are strings.")
    order = str(args.get("sortOrder") or "ascending").lower()
    if order not in ("ascending", "descending"):
        raise errors.InvalidValue("sortOrder is ascending or descending.")
    return SearchQuery(
        filter=args.get("filter") or None,
        start_index=_integer(args, "startIndex", 1),
        count=_integer(args, "count", 100),
        sort_by=args.get("sortBy") or None,
        descending=order == "descending",
    )


def _integer(args: Any, name: str, default: int) -> int:
    raw = args.get(name)
    try:
        return default if raw is None else int(raw)
    except (TypeError, ValueError):
        raise errors.InvalidValue(f"{name} must be an integer.") from None


def install_errors(blueprint: Blueprint) -> None:
    blueprint.register_error_handler(errors.DirectoryError, _directory_error)
    blueprint.register_error_handler(Problem, _problem)
    blueprint.register_error_handler(HTTPException, _http_error)


def _directory_error(error: errors.DirectoryError) -> Response:
    return scim_error(error.status, error.detail, error.scim_type)


def _problem(problem: Problem) -> Response:
    return scim_error(problem.status, str(problem), headers=problem.headers)


def _http_error(error: HTTPException) -> Response:
    """Werkzeug's errors and the kit's refusals of a body (too deep, unstorable text: 400)."""
    status = error.code or 500
    return scim_error(status, error.description or error.name, "invalidSyntax" if status == 400 else None)
