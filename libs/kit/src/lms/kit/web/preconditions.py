"""`If-Match`, read once for every service: the entity tags a request names for the state it
expects (RFC 9110 §13.1.1)."""

from __future__ import annotations

from flask import request


def if_match(*, weak: bool) -> list[str] | None:
    """The tags `If-Match` names, unquoted (`*` as is); None when the request sends no `If-Match`.

    `weak`: whether weak tags (`W/"3"`) count, as the weak comparison does; otherwise they are
    dropped, so a request naming only weak tags names nothing that can match."""
    if "If-Match" not in request.headers:
        return None
    header = request.if_match
    return ["*"] if header.star_tag else sorted(header.as_set(include_weak=weak))
