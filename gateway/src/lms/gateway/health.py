"""`/healthz`, `/readyz` and `/metrics` of the gateway.

The gateway is ready when its own database answers; an upstream that is down makes it
`degraded` (still 200), because the other services remain reachable through it. Anyone may
ask whether it is up; the details (each check, each upstream, the metrics) are for admins
and API keys with the `metrics` scope, as they name internals an attacker would like to know.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from flask import Flask, Response, current_app, g, jsonify
from prometheus_client import CollectorRegistry

from lms.gateway.routing import Upstream
from lms.gateway.upstream import UpstreamClient
from lms.kit.metrics import exposition
from lms.kit.web import Problem
from lms.kit.web.health import run_checks

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


def may_see_details() -> bool:
    """Admins and monitoring keys see health details and metrics; nobody else does."""
    caller = g.get("caller")
    return caller is not None and ("admin" in caller.principal.roles or "metrics" in caller.principal.scopes)


def healthz() -> Response:
    """Alive (with the state of each upstream, for admins)."""
    if not may_see_details():
        return jsonify(status="ok")
    upstreams = current_app.extensions["lms.gateway"].probe.report()
    return jsonify(status="ok", service="gateway", upstreams=upstreams)


def readyz() -> tuple[Response, int]:
    """Ready when the gateway's database answers; degraded while an upstream is down."""
    body, status = _readiness()
    return jsonify(body if may_see_details() else {"status": body["status"]}), status


def metrics() -> Response:
    """Prometheus metrics, for admins and monitoring keys only."""
    if not may_see_details():
        raise Problem(403, "Metrics are for admins and API keys with the 'metrics' scope.")
    own: CollectorRegistry = current_app.extensions["lms.metrics"]
    return Response(exposition(own), mimetype="text/plain; version=0.0.4")


def _readiness() -> tuple[dict, int]:
    checks = run_checks(current_app.extensions["lms.readiness"])
    upstreams = current_app.extensions["lms.gateway"].probe.report()
    if any(state != "ok" for state in checks.values()):
        return {"status": "unready", "checks": checks, "upstreams": upstreams}, 503
    status = "ready" if all(state == "ok" for state in upstreams.values()) else "degraded"
    return {"status": status, "checks": checks, "upstreams": upstreams}, 200


def install(app: Flask) -> None:
    """Replace the kit's health views (same URLs, same endpoints) with these."""
    app.view_functions["health.healthz"] = healthz
    app.view_functions["health.readyz"] = readyz
    app.view_functions["health.metrics"] = metrics
