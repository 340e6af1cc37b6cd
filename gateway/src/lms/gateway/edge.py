"""What the gateway checks before anything else: body size (413) and CORS for frontend origins.

A chunked body has no Content-Length to check up front, and werkzeug's own limit only stops
reading at the limit (the rest is cut off without a word). The edge reads such a body itself,
one byte past the limit: over it, 413 and nothing is forwarded; within it, the body is kept
in memory with its length set, so everything after sees an ordinary sized request.
"""

from __future__ import annotations

import io
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
    """before_request `check` and after_request `decorate` for body limits and CORS."""

    def __init__(self, cors_origins: tuple[str, ...], max_body_bytes: int) -> None:
        self.origins = frozenset(cors_origins)
        self.any_origin = "*" in self.origins
        self.max_body_bytes = max_body_bytes

    def check(self) -> Response | None:
        """Refuse oversized bodies early; answer CORS preflights without authentication."""
        length = request.content_length
        if length is not None and length > self.max_body_bytes:
            raise self._too_large()
        if length is None and _streamed(request.environ):
            self._buffer_streamed_body()
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            return self._preflight()
        return None

    def _buffer_streamed_body(self) -> None:
        environ = request.environ
        body = environ["wsgi.input"].read(self.max_body_bytes + 1)
        if len(body) > self.max_body_bytes:
            raise self._too_large()
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        request.__dict__.pop("content_length", None)  # werkzeug caches the header's absence

    def _too_large(self) -> Problem:
        return Problem(413, f"The request body is larger than {self.max_body_bytes} bytes.")

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


def _streamed(environ: dict) -> bool:
    """A body of unknown length that the server ends for us (gunicorn decodes chunked bodies)."""
    chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
    return chunked and bool(environ.get("wsgi.input_terminated"))
