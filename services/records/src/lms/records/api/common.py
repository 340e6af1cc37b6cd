"""What the views share: the service context, the caller, replies, and refusals as problems.

Every response under /xapi names the xAPI version it speaks; refusals are RFC 9457 problems
(xAPI prescribes no error body) with the status the specification gives each kind.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from flask import Flask, Response, current_app, g, request

from lms.kit.auth import Principal
from lms.kit.web import current_principal
from lms.records.api.xapi_request import answered_version
from lms.records.domain import errors, versions
from lms.records.service.cmi5 import runtime, sessions
from lms.records.service.context import Context

PREFIX = "/xapi"


def context() -> Context:
    return current_app.extensions["lms.records"]


def caller() -> Principal:
    return current_principal()


def cmi5_session() -> Any | None:
    """The open cmi5 session whose token this xAPI request carries (None: another kind of caller)."""
    return g.get("cmi5_session")


def _cmi5_token() -> None:
    """before_request: a launch session's Basic token (cmi5 8.2) is checked here, by the store itself."""
    if not (request.path == PREFIX or request.path.startswith(PREFIX + "/")):
        return
    scheme, _, encoded = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return
    try:
        user, _, secret = base64.b64decode(encoded.strip(), validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        raise errors.Unauthorised("The Basic credentials are not base64 of 'user:password'.") from None
    if not user.startswith(sessions.USER_PREFIX):
        raise errors.Unauthorised("Basic credentials here are a cmi5 session's token.")
    row = sessions.authenticate(context(), user.removeprefix(sessions.USER_PREFIX), secret)
    g.cmi5_session = row
    g.principal = runtime.principal_of(row)


def json_reply(value: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Response(body, status=status, headers=headers or {}, content_type="application/json")


def no_content(headers: dict[str, str] | None = None) -> Response:
    return Response(status=204, headers=headers or {})


def http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def _versioned(response: Response) -> Response:
    if request.path == PREFIX or request.path.startswith(PREFIX + "/"):
        response.headers[versions.HEADER] = answered_version()
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def install(app: Flask, ctx: Context) -> None:
    app.extensions["lms.records"] = ctx
    app.before_request(_cmi5_token)
    app.after_request(_versioned)
