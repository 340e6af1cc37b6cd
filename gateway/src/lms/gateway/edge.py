"""What the gateway checks before anything else: body size (413) and CORS for frontend origins."""

from __future__ import annotations

from flask import Response, request

from lms.kit.web import Problem

ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"
ALLOWED_HEADERS = (
    "Authorization, Content-Type, Idempotency-Key, If-Match, If-None-Match, X-API-Key, X-Request-ID"
)
EXPOSED_HEADERS = (
    "ETag, X-Request-ID, Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset"
)
PREFLIGHT_MAX_AGE = "600"


class Edge:
    """before_request `check` and after_request `decorate` for body limits and CORS."""

    def __init__(self, cors_origins: tuple[str, ...], max_body_bytes: int) -> None:
        self.origins = frozenset(cors_origins)
        self.any_origin = "*" in self.origins
        self.max_body_bytes = max_body_bytes

    def check(self) -> Response | None:
        """Refuse oversized bodies early; answer CORS preflights without authentication."""
        length = request.content_length
        if length is not None and length > self.max_body_bytes:
            raise Problem(413, f"The request body is larger than {self.max_body_bytes} bytes.")
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            return self._preflight()
        return None

    def decorate(self, response: Response) -> Response:
        """Let configured origins read the response and the headers they need."""
        origin = request.headers.get("Origin")
        if origin and self._allowed(origin):
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
            response.vary.add("Origin")
        return response

    def _preflight(self) -> Response:
        origin = request.headers.get("Origin", "")
        if not self._allowed(origin):
            raise Problem(403, f"Origin {origin or '(none)'} is not allowed to call this API.")
        response = Response(status=204)
        response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response.headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
        return response

    def _allowed(self, origin: str) -> bool:
        return origin in self.origins or (self.any_origin and bool(origin))
