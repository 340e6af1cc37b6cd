"""`/healthz` and `/readyz` of the gateway, each reporting every upstream.

The gateway is ready when its own database answers; an upstream that is down makes it
`degraded` (still 200), because the other services remain reachable through it.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from flask import Flask, Response, current_app, jsonify

from lms.gateway.routing import Upstream
from lms.gateway.upstream import UpstreamClient

PROBE_TIMEOUT_S = 1.0


class UpstreamProbe:
    """Asks each upstream's `/healthz`; answers are reused for `cache_s` seconds."""

    def __init__(self, client: UpstreamClient, upstreams: tuple[Upstream, ...], cache_s: float = 2.0) -> None:
        self.client = client
        self.upstreams = upstreams
        self.cache_s = cache_s
        self._report: dict[str, str] = {}
        self._at = 0.0
        self._lock = threading.Lock()

    def report(self) -> dict[str, str]:
        with self._lock:
            if time.monotonic() - self._at > self.cache_s:
                with ThreadPoolExecutor(max_workers=max(1, len(self.upstreams))) as pool:
                    states = pool.map(self._probe, self.upstreams)
                self._report = dict(zip([u.name for u in self.upstreams], states, strict=True))
                self._at = time.monotonic()
            return dict(self._report)

    def _probe(self, upstream: Upstream) -> str:
        try:
            status, _body = self.client.fetch(upstream, "/healthz", PROBE_TIMEOUT_S)
        except Exception as exc:  # the problem's detail says what went wrong
            return f"unavailable: {exc}"
        return "ok" if status == 200 else f"unavailable: HTTP {status}"


def healthz() -> Response:
    """Alive; with the state of each upstream."""
    upstreams = current_app.extensions["lms.gateway"].probe.report()
    return jsonify(status="ok", service="gateway", upstreams=upstreams)


def readyz() -> tuple[Response, int]:
    """Ready when the gateway's database answers; degraded while an upstream is down."""
    checks: dict[str, str] = {}
    for name, check in current_app.extensions["lms.readiness"].items():
        try:
            check()
            checks[name] = "ok"
        except Exception as exc:  # reported by name, as the kit does
            checks[name] = f"unavailable: {type(exc).__name__}: {exc}"[:300]
    upstreams = current_app.extensions["lms.gateway"].probe.report()
    if any(state != "ok" for state in checks.values()):
        return jsonify(status="not ready", checks=checks, upstreams=upstreams), 503
    status = "ready" if all(state == "ok" for state in upstreams.values()) else "degraded"
    return jsonify(status=status, checks=checks, upstreams=upstreams), 200


def install(app: Flask) -> None:
    """Replace the kit's health views (same URLs, same endpoints) with these."""
    app.view_functions["health.healthz"] = healthz
    app.view_functions["health.readyz"] = readyz
