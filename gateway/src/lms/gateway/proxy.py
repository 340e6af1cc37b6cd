"""The catch-all view: route, serve from the HTTP cache when allowed, else forward and stream back."""

from __future__ import annotations

import time
from collections.abc import Iterator

from flask import Response, g, request

from lms.gateway import headers as h
from lms.gateway.http1 import Response as UpstreamResponse
from lms.gateway.httpcache import UNSAFE, Entry, ResponseCache, etag_matches, freshness
from lms.gateway.metrics import CACHE_HITS, CACHE_MISSES, UPSTREAM_RESPONSES
from lms.gateway.routing import RouteTable, Upstream
from lms.gateway.upstream import UpstreamClient, retryable
from lms.gateway.wire import BadResponse
from lms.kit.web import Problem

READ_WHOLE_UP_TO = 256 * 1024
CHUNK = 64 * 1024
WITHOUT_BODY = frozenset({"GET", "HEAD", "OPTIONS"})
NO_CONTENT_TYPE = frozenset({204, 304})


class Proxy:
    """Forwards a request to the upstream its path routes to."""

    def __init__(self, table: RouteTable, client: UpstreamClient, cache: ResponseCache) -> None:
        self.table = table
        self.client = client
        self.cache = cache

    def view(self, path: str = "") -> Response:
        """Forward to the service that owns this path."""
        upstream = self.table.match(request.path)
        if upstream is None:
            raise Problem(404, f"No service answers {request.path}.")
        key = self._cache_key() if request.method == "GET" and self.cache.enabled else None
        if key is not None and "no-cache" not in request.environ.get("HTTP_CACHE_CONTROL", ""):
            entry = self.cache.get(key)
            if entry is not None:
                CACHE_HITS.inc()
                return _from_cache(entry)
            CACHE_MISSES.inc()
        return self._forward(upstream, key)

    def _forward(self, upstream: Upstream, key: tuple[str, ...] | None) -> Response:
        caller = g.get("caller")
        headers = h.upstream_request_headers(request, g.request_id, caller.authorization if caller else None)
        method = request.method
        body = (
            None if method in WITHOUT_BODY and not request.content_length else request.get_data(cache=False)
        )
        upstream_response = self.client.send(
            upstream, method, h.request_target(request), headers, body, retry=retryable(method, headers)
        )
        UPSTREAM_RESPONSES.labels(upstream.name, str(upstream_response.status)).inc()
        if method in UNSAFE and upstream_response.status < 400:
            self.cache.invalidate(request.path)
        return self._respond(upstream, upstream_response, key)

    def _respond(
        self, upstream: Upstream, upstream_response: UpstreamResponse, key: tuple[str, ...] | None
    ) -> Response:
        status = upstream_response.status
        headers = h.response_headers(upstream_response.headers)
        ttl = freshness(upstream_response.header("cache-control"), upstream_response.header("vary"))
        limit = max(READ_WHOLE_UP_TO, self.cache.max_entry_bytes) if ttl else READ_WHOLE_UP_TO
        start, rest = _read_up_to(upstream, upstream_response, limit)
        if rest is not None:
            return _response(_passed_on(start, rest, upstream_response), status, headers)
        data = b"".join(start)
        if key is not None and status == 200 and ttl and upstream_response.header("set-cookie") is None:
            now = time.monotonic()
            etag = upstream_response.header("etag")
            self.cache.put(key, Entry(tuple(headers), data, etag, now, now + ttl))
        return _response(data, status, headers)

    @staticmethod
    def _cache_key() -> tuple[str, ...]:
        environ = request.environ
        return (
            request.path,
            environ.get("QUERY_STRING", ""),
            environ.get("HTTP_ACCEPT", ""),
            environ.get("HTTP_ACCEPT_ENCODING", ""),
        )


def _from_cache(entry: Entry) -> Response:
    age = ("Age", str(entry.age(time.monotonic())))
    if_none_match = request.environ.get("HTTP_IF_NONE_MATCH")
    if entry.etag and if_none_match and etag_matches(if_none_match, entry.etag):
        return _response(b"", 304, [*h.not_modified_headers(entry.headers), age])
    return _response(entry.body, 200, [*entry.headers, age])


def _response(body: bytes | Iterator[bytes], status: int, headers: list[tuple[str, str]]) -> Response:
    response = Response(body, status=status, headers=headers, direct_passthrough=not isinstance(body, bytes))
    if status in NO_CONTENT_TYPE or not any(name.lower() == "content-type" for name, _ in headers):
        del response.headers["Content-Type"]
    return response


def _read_up_to(
    upstream: Upstream, upstream_response: UpstreamResponse, limit: int
) -> tuple[list[bytes], Iterator[bytes] | None]:
    """The body's first `limit` bytes and, when there is more, the iterator of the rest.

    What fits is read before the status goes out, so a body malformed within it is a 502 like a
    malformed head; past it the body streams, and a later fault can only cut the client's
    connection (the server sends no last chunk, so the client knows it is incomplete)."""
    pieces = upstream_response.stream(CHUNK)
    start: list[bytes] = []
    size = 0
    try:
        for piece in pieces:
            start.append(piece)
            size += len(piece)
            if size > limit:
                return start, pieces
    except OSError as exc:
        upstream_response.release()
        raise _broken_off(upstream, exc) from None
    upstream_response.release()
    return start, None


def _passed_on(
    start: list[bytes], rest: Iterator[bytes], upstream_response: UpstreamResponse
) -> Iterator[bytes]:
    try:
        yield from start
        yield from rest
    finally:
        upstream_response.release()


def _broken_off(upstream: Upstream, exc: OSError) -> Problem:
    status, what = 502, f"broke off its answer: {exc}"
    if isinstance(exc, TimeoutError):
        status, what = 504, "stopped sending its answer"
    elif isinstance(exc, BadResponse):
        what = f"sent a {exc}"
    return Problem(status, f"The {upstream.name} service {what}.", upstream=upstream.name)
