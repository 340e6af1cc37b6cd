"""`/openapi.json`: the services' documents (fetched, cached, last good copy kept) merged into one."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

from lms.gateway.openapi_merge import Part, merge
from lms.gateway.routing import RouteTable, Upstream
from lms.gateway.upstream import UpstreamClient

FETCH_TIMEOUT_S = 3.0
DESCRIPTION = (
    "Every service of the LMS suite behind one gateway. Authenticate with `Authorization: Bearer <JWT>` "
    "or, for systems, `X-API-Key` (an admin creates keys at `/api/v1/api-keys`)."
)
log = logging.getLogger(__name__)


class ApiDocument:
    """Builds the merged document at most every `ttl_s` seconds; thread-safe."""

    def __init__(
        self, table: RouteTable, client: UpstreamClient, own: Callable[[], dict[str, Any]], ttl_s: float
    ) -> None:
        self.table = table
        self.client = client
        self.own = own
        self.ttl_s = ttl_s
        self._last_good: dict[str, tuple[dict[str, Any], str]] = {}  # name -> (document, fetched at)
        self._document: dict[str, Any] | None = None
        self._built_at = 0.0
        self._lock = threading.Lock()

    def document(self) -> dict[str, Any]:
        with self._lock:
            if self._document is None or time.monotonic() - self._built_at > self.ttl_s:
                self._document = self._build()
                self._built_at = time.monotonic()
            return self._document

    def _build(self) -> dict[str, Any]:
        upstreams = list(self.table.upstreams)
        with ThreadPoolExecutor(max_workers=max(1, len(upstreams))) as pool:
            states = dict(zip([u.name for u in upstreams], pool.map(self._refresh, upstreams), strict=True))
        parts = [Part("gateway", self.own(), lambda _path: True)]
        for upstream in upstreams:
            if upstream.name in self._last_good:
                parts.append(Part(upstream.name, self._last_good[upstream.name][0], self._owner(upstream)))
        info = {"title": "LMS suite API", "version": "1.0.0", "description": _description(states)}
        return {**merge(parts, info), "x-lms-upstreams": states}

    def _refresh(self, upstream: Upstream) -> dict[str, str]:
        state = {"url": upstream.url}
        try:
            self._last_good[upstream.name] = (self._fetch(upstream), _now())
            return {**state, "status": "ok"}
        except Exception as exc:  # a missing document is reported, never fatal
            log.warning("no OpenAPI document from %s: %s", upstream.name, exc)
            kept = self._last_good.get(upstream.name)
            detail = f"unavailable ({exc})"[:200]
            return {**state, "status": detail, "served_copy_from": kept[1] if kept else "none"}

    def _fetch(self, upstream: Upstream) -> dict[str, Any]:
        status, body = self.client.fetch(upstream, "/openapi.json", FETCH_TIMEOUT_S)
        if status != 200:
            raise ValueError(f"HTTP {status}")
        return json.loads(body)

    def _owner(self, upstream: Upstream) -> Callable[[str], bool]:
        return lambda path: self.table.match(path) == upstream


def _description(states: dict[str, dict[str, str]]) -> str:
    down = [f"{name}: {state['status']}" for name, state in states.items() if state["status"] != "ok"]
    return DESCRIPTION + ("\n\nNot current: " + "; ".join(down) if down else "")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
