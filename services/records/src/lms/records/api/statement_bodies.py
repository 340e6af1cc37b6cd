"""The body of a statement request: JSON, or multipart/mixed with attachment data (Communication 1.5)."""

from __future__ import annotations

import json
from typing import Any

from lms.records.api.xapi_request import XapiRequest
from lms.records.domain import attachments, multipart
from lms.records.domain.attachments import Attachment
from lms.records.domain.errors import Invalid
from lms.records.domain.validation.statements import statement as valid_statement

JSON = "application/json"
MIXED = "multipart/mixed"


def read(request: XapiRequest) -> tuple[Any, dict[str, Attachment]]:
    """The statement or list of statements, checked, and the attachment data sent with them."""
    parts: list[multipart.Part] = []
    if request.content_type in (JSON, ""):
        sent = parse_json(request.body)
    elif request.content_type == MIXED:
        sent, parts = _mixed(request)
    else:
        raise Invalid(f"Statements come as {JSON} or {MIXED}, not {request.content_type}.")
    listed = sent if isinstance(sent, list) else [sent]
    if not listed:
        raise Invalid("The request holds no statement.")
    for index, found in enumerate(listed):
        valid_statement(found, f"statements[{index}]" if isinstance(sent, list) else "statement")
    if request.content_type != MIXED:
        _all_by_url(listed)
        return sent, {}
    return sent, attachments.received(listed, parts)


def parse_json(body: bytes) -> Any:
    """The body as JSON, refusing what cannot be stored: NaN, Infinity, lone UTF-16 surrogates."""
    try:
        value = json.loads(body, parse_constant=_no_constant)
        json.dumps(value, ensure_ascii=False).encode()
    except (ValueError, UnicodeError):
        raise Invalid("The body is not valid JSON (or holds a lone UTF-16 surrogate).") from None
    return value


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _mixed(request: XapiRequest) -> tuple[Any, list[multipart.Part]]:
    parts = multipart.parse(request.body, multipart.boundary(request.header("Content-Type") or ""))
    first = parts[0]
    if (first.header("Content-Type") or "").split(";")[0].strip().lower() != JSON:
        raise Invalid("The first part of a multipart request holds the statements as application/json.")
    return parse_json(first.body), parts[1:]


def _all_by_url(listed: list[dict[str, Any]]) -> None:
    missing = [a for a in attachments.declared(listed) if "fileUrl" not in a]
    if missing:
        raise Invalid(
            "An attachment without fileUrl travels as data: send the statements as multipart/mixed."
        )
