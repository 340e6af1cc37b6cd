"""What the gateway checks before anything else: CORS for frontend origins.

Bodies over `LMS_GATEWAY_MAX_BODY` (declared, or chunked and read one byte past the limit) are
refused by the kit's web base before this runs (`lms.kit.web.bodylimit`): 413, nothing forwarded.
"""

from __future__ import annotations

import re

from flask import Response, request

from lms.kit.web import Problem

ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"
ALLOWED_HEADERS = (
    "Authorization, Content-Type, Idempotency-Key, If-Match, If-None-Match, X-API-Key, X-Request-ID, "
    "X-Experience-API-Version"
)
EXPOSED_HEADERS = (
    "ETag, X-Request-ID, Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, "
    "Last-Modified, X-Experience-API-Version, X-Experience-API-Consistent-Through"
)
PREFLIGHT_MAX_AGE = "600"
# Open to every origin, "null" included (a sandboxed AU's): these take no ambient credentials,
# only the Authorization header a caller sends, so any page may call them (decision 0096).
OPEN_TO_ANY_ORIGIN = re.compile(r"^/(xapi(/.*)?|api/v1/cmi5/fetch/[^/]+|content/.+)$")


class Edge:
    """before_request `check` and after_request `decorate` for CORS."""

    def __init__(self, cors_origins: tuple[str, ...]) -> None:
        self.origins = frozenset(cors_origins)
        self.any_origin = "*" in self.origins

    def check(self) -> Response | None:
        """Answer CORS preflights without authentication."""
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            return self._preflight()
        return None

    def decorate(self, response: Response) -> Response:
        """Let configured origins read the response and the headers they need."""
        origin = request.headers.get("Origin")
        if origin and OPEN_TO_ANY_ORIGIN.match(request.path):
            response.headers["Access-Control-Allow-Origin"] = "*"
            response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        elif origin and self._allowed(origin):
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
            response.vary.add("Origin")
        return response

    def _preflight(self) -> Response:
        origin = request.headers.get("Origin", "")
        if not (self._allowed(origin) or OPEN_TO_ANY_ORIGIN.match(request.path)):
            raise Problem(403, f"Origin {origin or '(none)'} is not allowed to call this API.")
        response = Response(status=204)
        response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response.headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
        return response

    def _allowed(self, origin: str) -> bool:
        return origin in self.origins or (self.any_origin and bool(origin))
