"""Per-request context that crosses layers: the request id, carried to logs and events."""

from __future__ import annotations

from contextvars import ContextVar

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
# what a caller sent as its own request id, logged beside ours (the gateway never adopts it)
client_request_id: ContextVar[str | None] = ContextVar("client_request_id", default=None)
