"""Which headers cross the gateway, in each direction."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from flask import Request

HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
     "trailers", "transfer-encoding", "upgrade"}
)  # fmt: skip
SET_BY_GATEWAY = frozenset(
    {"host", "content-length", "authorization", "x-api-key", "x-request-id", "x-forwarded-for",
     "x-forwarded-proto", "x-forwarded-host"}
)  # fmt: skip
NOT_RETURNED = frozenset({"date", "server", "x-request-id"})
NOT_IN_304 = frozenset({"content-type", "content-length", "content-encoding", "content-language"})


def upstream_request_headers(request: Request, request_id: str, authorization: str | None) -> dict[str, str]:
    """The client's end-to-end headers plus the gateway's: identity, request id, forwarding."""
    environ = request.environ
    drop = HOP_BY_HOP | SET_BY_GATEWAY | _connection_tokens(environ.get("HTTP_CONNECTION"))
    headers = {}
    for key, value in environ.items():
        if key.startswith("HTTP_"):
            name = key[5:].replace("_", "-").title()
            if name.lower() not in drop:
                headers[name] = value
    if content_type := environ.get("CONTENT_TYPE"):
        headers["Content-Type"] = content_type
    if authorization:
        headers["Authorization"] = authorization
    forwarded_for = environ.get("HTTP_X_FORWARDED_FOR")
    client = request.remote_addr or ""
    headers["X-Forwarded-For"] = f"{forwarded_for}, {client}" if forwarded_for else client
    headers["X-Forwarded-Proto"] = request.scheme
    headers["X-Forwarded-Host"] = request.host
    headers["X-Request-ID"] = request_id
    return headers


def response_headers(items: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The upstream response's end-to-end headers (the gateway's server adds Date and Server)."""
    headers = list(items)
    names = {name.lower() for name, _ in headers}
    drop = HOP_BY_HOP | NOT_RETURNED
    if "connection" in names:
        drop = drop | _connection_tokens(next(v for n, v in headers if n.lower() == "connection"))
    return [(name, value) for name, value in headers if name.lower() not in drop]


def not_modified_headers(headers: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(name, value) for name, value in headers if name.lower() not in NOT_IN_304]


def request_target(request: Request) -> str:
    """The path and query as the client sent them (percent-encoding kept)."""
    raw = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI")
    if raw and raw.startswith("/"):
        return raw
    query = request.environ.get("QUERY_STRING")
    path = quote(request.path, safe="/:@!$&'()*+,;=-._~")
    return f"{path}?{query}" if query else path


def _connection_tokens(value: str | None) -> frozenset[str]:
    return frozenset(t.strip().lower() for t in value.split(",")) if value else frozenset()
