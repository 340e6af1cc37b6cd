"""Budgets of their own, on top of each caller's general rate limit, in the limiter's store.

Import, submit and CSV export cost the services far more than a read: each has a tighter budget
per caller. Unknown API keys are counted per IP, and past the anonymous budget a key is not even
looked up. When the store is down, requests go through (as flask-limiter's `swallow_errors`).
"""

from __future__ import annotations

import logging
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, Response, g, request
from flask_limiter import Limiter
from limits import RateLimitItem, parse

from lms.gateway.config import GatewayConfig
from lms.kit.web import Problem

PREFIX = "lms-gateway"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Costly:
    """A kind of request with a budget of its own (on top of the caller's general one)."""

    name: str
    method: str
    path: re.Pattern[str]


COSTLY = (
    Costly("import", "POST", re.compile(r"^/api/v1/(course|cmi5)-packages/?$")),
    Costly("submit", "POST", re.compile(r"^/api/v1/attempts/[^/]+/submit/?$")),
    Costly("export", "GET", re.compile(r"^/.+\.csv$")),
)


def install(app: Flask, config: GatewayConfig, limiter: Limiter, limit_key: Callable[[], str]) -> None:
    """before_request: count costly requests against their own budget (429 past it)."""
    costly = {kind.name: parse(config.costly_limits[kind.name]) for kind in COSTLY}
    app.before_request(lambda: _check_costly(limiter, costly, limit_key()))


def key_guard(limiter: Limiter, config: GatewayConfig) -> Callable[[bool], None]:
    """`guard(False)` refuses an IP past its budget of unknown keys; `guard(True)` counts one."""
    budget = parse(config.rate_limit_anonymous)

    def guard(missed: bool) -> None:
        ip = request.remote_addr or ""
        if missed:
            _hit(limiter, budget, "unknown-key", ip)
        elif not _test(limiter, budget, "unknown-key", ip):
            raise _refusal(limiter, budget, "unknown-key", ip, "Too many unknown API keys from this address")

    return guard


def _check_costly(limiter: Limiter, budgets: dict[str, RateLimitItem], key: str) -> None:
    method, path = request.method, request.path
    kind = next((k for k in COSTLY if k.method == method and k.path.match(path)), None)
    if kind is None:
        return
    budget = budgets[kind.name]
    if not _hit(limiter, budget, kind.name, key):
        raise _refusal(limiter, budget, kind.name, key, f"The {kind.name} limit of {budget} is spent")
    g.costly = (budget, kind.name, key)


def _hit(limiter: Limiter, budget: RateLimitItem, *identifiers: str) -> bool:
    try:
        return limiter.limiter.hit(budget, PREFIX, *identifiers)
    except Exception:  # the store is down: let the request through
        log.warning("rate-limit store unavailable", exc_info=True)
        return True


def _test(limiter: Limiter, budget: RateLimitItem, *identifiers: str) -> bool:
    try:
        return limiter.limiter.test(budget, PREFIX, *identifiers)
    except Exception:  # the store is down: let the request through
        log.warning("rate-limit store unavailable", exc_info=True)
        return True


def _refusal(limiter: Limiter, budget: RateLimitItem, name: str, key: str, what: str) -> Problem:
    try:
        retry_after = seconds_until(limiter.limiter.get_window_stats(budget, PREFIX, name, key).reset_time)
    except Exception:  # the store went away between the count and this look
        retry_after = budget.get_expiry()
    headers = {"Retry-After": str(retry_after), "RateLimit-Limit": str(budget.amount)}
    headers |= {"RateLimit-Remaining": "0", "RateLimit-Reset": str(retry_after)}
    return Problem(429, f"{what}; retry in {retry_after} s.", headers=headers)


def costly_headers(limiter: Limiter, response: Response) -> Response | None:
    """RateLimit-* of the costly budget this request counted against (None: there was none)."""
    if "costly" not in g:
        return None
    budget, name, key = g.costly
    try:
        stats = limiter.limiter.get_window_stats(budget, PREFIX, name, key)
    except Exception:  # the store went away mid-request: no headers, still the answer
        return response
    response.headers["RateLimit-Limit"] = str(budget.amount)
    response.headers["RateLimit-Remaining"] = str(max(stats.remaining, 0))
    response.headers["RateLimit-Reset"] = str(seconds_until(stats.reset_time))
    return response


def seconds_until(timestamp: float) -> int:
    return max(1, math.ceil(timestamp - time.time()))
