"""`/healthz` (alive), `/readyz` (dependencies reachable) and `/metrics` (Prometheus).

What anyone may see is up or down: `/readyz` answers 200 `{"status": "ready"}` or 503
`{"status": "unready"}`. Which check failed and why (host names, exception text) is shown
only to a bearer token with the `admin` role, and `/metrics` answers only such tokens
(401 without a token, 403 for other roles): scrape it with an admin service token.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterable
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request
from prometheus_client import CollectorRegistry
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from lms.kit.metrics import exposition
from lms.kit.outbox import pending_count
from lms.kit.web.problems import Problem
from lms.kit.web.security import current_principal, requires

Check = Callable[[], None]
blueprint = Blueprint("health", __name__)


@blueprint.get("/healthz")
def healthz() -> Response:
    return jsonify(status="ok", service=current_app.name)


@blueprint.get("/readyz")
def readyz() -> tuple[Response, int]:
    """200 ready or 503 unready; admins also see each check's result."""
    results = run_checks(current_app.extensions["lms.readiness"])
    ready = all(v == "ok" for v in results.values())
    details = {"checks": results} if caller_is_admin() else {}
    return jsonify(status="ready" if ready else "unready", **details), 200 if ready else 503


def run_checks(checks: dict[str, Check]) -> dict[str, str]:
    """Each check's name mapped to "ok" or to why it failed (for admins' eyes only)."""
    results: dict[str, str] = {}
    for name, check in checks.items():
        try:
            check()
            results[name] = "ok"
        except Exception as exc:  # any failure means "unready", reported by name
            results[name] = f"unavailable: {type(exc).__name__}: {exc}"[:300]
    return results


def caller_is_admin() -> bool:
    """Whether this request carries a valid admin token; a missing or bad token is anonymous."""
    if not request.headers.get("Authorization"):
        return False
    try:
        return "admin" in current_principal().roles
    except Problem:
        return False


@blueprint.get("/metrics")
@requires("admin")
def metrics() -> Response:
    """Prometheus text format; admins only."""
    own: CollectorRegistry = current_app.extensions["lms.metrics"]
    return Response(exposition(own), mimetype="text/plain; version=0.0.4")


def database_check(engine: Engine) -> Check:
    def check() -> None:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    return check


def kafka_check(bootstrap: str, cache_s: float = 2.0) -> Check:
    """Can a TCP connection reach a bootstrap server? (cached briefly: probes come often)"""
    state: dict[str, Any] = {"at": 0.0, "error": None}

    def check() -> None:
        if time.monotonic() - state["at"] > cache_s:
            state["error"] = _first_reachable(bootstrap.split(","))
            state["at"] = time.monotonic()
        if state["error"]:
            raise ConnectionError(state["error"])

    return check


def _first_reachable(servers: Iterable[str]) -> str | None:
    errors = []
    for server in servers:
        host, _, port = server.strip().rpartition(":")
        try:
            with socket.create_connection((host or "127.0.0.1", int(port)), timeout=1):
                return None
        except OSError as exc:
            errors.append(f"{server}: {exc}")
    return "; ".join(errors) or "no bootstrap servers"


class OutboxCollector:
    """`lms_outbox_pending`: rows waiting for the relay, read from the database at scrape time."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def collect(self) -> Iterable[GaugeMetricFamily]:
        gauge = GaugeMetricFamily("lms_outbox_pending", "Outbox rows not yet published to Kafka")
        with Session(self.engine) as session:
            gauge.add_metric([], pending_count(session))
        yield gauge
