"""What the views share: the service, the cache, ETags of drafts, raw JSON responses."""

from __future__ import annotations

import json
from typing import Any

from flask import Response, current_app, request

from lms.curriculum.cache import JsonCache
from lms.curriculum.rendering import course_view
from lms.curriculum.service import Curriculum, Draft

LATEST_MAX_AGE = 5
VERSION_MAX_AGE = 86_400


def curriculum() -> Curriculum:
    return current_app.extensions["curriculum"]


def cache() -> JsonCache:
    return current_app.extensions["curriculum.cache"]


def draft_etag(revision: int) -> str:
    return f'"draft-{revision}"'


def if_match_revision() -> int | None:
    """The draft revision named by If-Match; -1 for one that names none (always stale)."""
    if not request.if_match:
        return None
    for tag in request.if_match.as_set(include_weak=True):
        if tag.startswith("draft-") and tag[6:].isdigit():
            return int(tag[6:])
    return -1


def draft_view(draft: Draft) -> dict[str, Any]:
    view = course_view(draft.course_id, draft.document, version="draft", status=draft.status)
    view["latest_version"] = draft.latest_version
    return view


def with_etag(body: dict[str, Any], revision: int, status: int = 200) -> tuple[dict[str, Any], int, dict]:
    return body, status, {"ETag": draft_etag(revision)}


def json_response(body: bytes, etag: str, max_age: int) -> Response:
    """Cached JSON with a strong ETag; 304 when the client already has it."""
    headers = {"ETag": etag, "Cache-Control": f"public, max-age={max_age}", "Vary": "Authorization"}
    if request.if_none_match.contains(etag.strip('"')):
        return Response(status=304, headers=headers)
    return Response(body, mimetype="application/json", headers=headers)


def dumps(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str).encode()
