"""What the views share: the service context, the caller, draft ETags and cached replies."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, current_app, request

from lms.curriculum.domain.access import Caller
from lms.curriculum.service.cache import Cached
from lms.curriculum.service.context import Context
from lms.curriculum.service.editing import Draft
from lms.curriculum.service.presenters import draft_view
from lms.kit.web import current_principal
from lms.kit.web.preconditions import if_match


def context() -> Context:
    return current_app.extensions["lms.curriculum"]


def caller() -> Caller:
    principal = current_principal()
    return Caller(principal.sub, frozenset(principal.roles))


def bearer() -> str | None:
    """The caller's own Authorization header, for reads from other services on their behalf."""
    return request.headers.get("Authorization")


def draft_etag(revision: int) -> str:
    return f'"draft-{revision}"'


def if_match_revision() -> int | None:
    """The draft revision named by If-Match; -1 for one that names none (always stale)."""
    tags = if_match(weak=True)
    if not tags:
        return None
    for tag in tags:
        if tag.startswith("draft-") and tag[6:].isdigit():
            return int(tag[6:])
    return -1


def draft_reply(draft: Draft, status: int = 200) -> tuple[dict[str, Any], int, dict[str, str]]:
    return draft_view(draft), status, {"ETag": draft_etag(draft.revision)}


def reply(found: Draft | Cached | dict[str, Any]) -> Any:
    """A draft with its ETag, a cached body (304 when the client has it), or a plain dict."""
    if isinstance(found, Draft):
        return draft_reply(found)
    if isinstance(found, Cached):
        return cached_reply(found)
    return found


def cached_reply(cached: Cached) -> Response:
    headers = {
        "ETag": cached.etag,
        "Cache-Control": f"public, max-age={cached.max_age}",
        "Vary": "Authorization",
    }
    if request.if_none_match.contains(cached.etag.strip('"')):
        return Response(status=304, headers=headers)
    return Response(cached.body, mimetype="application/json", headers=headers)


def install(app: Flask, ctx: Context) -> None:
    app.extensions["lms.curriculum"] = ctx
