"""Rate limits (flask-limiter), checked before any database work.

Per principal for a verified JWT, per presented key for an API key, per IP otherwise; import,
submit and CSV export have tighter budgets of their own; unknown API keys are counted per IP,
and past the anonymous budget the key is not even looked up. Counters live in this process
(`memory://`, the `make run` default) or in a shared store (`LMS_RATE_LIMIT_STORAGE=redis://…`)
so that every worker and replica spends one budget.

429 answers are problem+json with `Retry-After`; limited responses carry `RateLimit-Limit`,
`RateLimit-Remaining` and `RateLimit-Reset` (seconds until the window resets).
"""

from __future__ import annotations

import logging
import math
import re
import time
from dataclasses import dataclass

from flask import Flask, Response, g, request
from flask_limiter import Limiter, RateLimitExceeded
from limits import RateLimitItem, parse

from lms.gateway.config import GatewayConfig
from lms.gateway.limit_store import LeanMemoryStorage
from lms.kit.web import Problem, problem_response

UNLIMITED_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
PREFIX = "lms-gateway"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Costly:
    """A kind of request with a budget of its own (on top of the caller's general one)."""

    name: str
    method: str
    path: re.Pattern[str]


COSTLY = (
    Costly("import", "POST", re.compile(r"^/api/v1/course-packages/?$")),
    Costly("submit", "POST", re.compile(r"^/api/v1/attempts/[^/]+/submit/?$")),
    Costly("export", "GET", re.compile(r"^/.+\.csv$")),
)


def make_limiter(config: GatewayConfig) -> Limiter:
    """The limiter over the configured store (`install` adds it to an app)."""
    return Limiter(
        key_func=limit_key,
        application_limits=[lambda: _limit(config)],
        storage_uri=_storage_uri(config.rate_limit_storage),
        strategy="fixed-window",
        key_prefix=PREFIX,
        headers_enabled=False,
        swallow_errors=True,  # a shared store that is down: fall back to this process's counters
        in_memory_fallback_enabled=True,
    )


def install(app: Flask, config: GatewayConfig, limiter: Limiter) -> None:
    """Add the limits' before_request checks and the 429 problem to `app` (headers: `add_headers`)."""
    limiter.request_filter(lambda: request.path in UNLIMITED_PATHS)
    limiter.init_app(app)
    costly = {kind.name: parse(config.costly_limits[kind.name]) for kind in COSTLY}
    app.before_request(lambda: _check_costly(limiter, costly))
    app.register_error_handler(RateLimitExceeded, lambda exc: _too_many(limiter, exc))


def key_guard(limiter: Limiter, config: GatewayConfig):  # type: ignore[no-untyped-def]
    """`guard(False)` refuses an IP past its budget of unknown keys; `guard(True)` counts one."""
    budget = parse(config.rate_limit_anonymous)

    def guard(missed: bool) -> None:
        ip = request.remote_addr or ""
        if missed:
            _hit(limiter, budget, "unknown-key", ip)
        elif not _test(limiter, budget, "unknown-key", ip):
            raise _refusal(limiter, budget, "unknown-key", ip, "Too many unknown API keys from this address")

    return guard


def _storage_uri(configured: str) -> str:
    """`memory://` means this process's counters, kept by the lean store; anything else as given."""
    if configured.rstrip("/") == "memory:":
        return f"{LeanMemoryStorage.STORAGE_SCHEME[0]}://"
    return configured


def limit_key() -> str:
    return g.get("limit_key") or f"ip:{request.remote_addr}"


def _limit(config: GatewayConfig) -> str:
    return config.rate_limit_authenticated if "limit_key" in g else config.rate_limit_anonymous


def _check_costly(limiter: Limiter, budgets: dict[str, RateLimitItem]) -> None:
    method, path = request.method, request.path
    kind = next((k for k in COSTLY if k.method == method and k.path.match(path)), None)
    if kind is None:
        return
    budget, key = budgets[kind.name], limit_key()
    if not _hit(limiter, budget, kind.name, key):
        raise _refusal(limiter, budget, kind.name, key, f"The {kind.name} limit of {budget} is spent")
    g.costly = (budget, kind.name, key)


def _hit(limiter: Limiter, budget: RateLimitItem, *identifiers: str) -> bool:
    try:
        return limiter.limiter.hit(budget, PREFIX, *identifiers)
    except Exception:
        log.warning("rate-limit store unavailable", exc_info=True)
        return True


def _test(limiter: Limiter, budget: RateLimitItem, *identifiers: str) -> bool:
    try:
        return limiter.limiter.test(budget, PREFIX, *identifiers)
    except Exception:
        log.warning("rate-limit store unavailable", exc_info=True)
        return True


def _refusal(limiter: Limiter, budget: RateLimitItem, name: str, key: str, what: str) -> Problem:
    reset = limiter.limiter.get_window_stats(budget, PREFIX, name, key).reset_time
    retry_after = _seconds_until(reset)
    headers = {"Retry-After": str(retry_after), "RateLimit-Limit": str(budget.amount)}
    headers |= {"RateLimit-Remaining": "0", "RateLimit-Reset": str(retry_after)}
    return Problem(429, f"{what}; retry in {retry_after} s.", headers=headers)


def add_headers(limiter: Limiter, response: Response) -> Response:
    """RateLimit-* headers for the tightest limit this request counted against."""
    if "costly" in g:
        budget, name, key = g.costly
        stats = limiter.limiter.get_window_stats(budget, PREFIX, name, key)
        return _headers(response, budget.amount, stats.remaining, stats.reset_time)
    current = limiter.current_limit
    if current is not None:
        _headers(response, current.limit.amount, current.remaining, current.window[0])
    return response


def _headers(response: Response, amount: int, remaining: int, reset: float) -> Response:
    response.headers["RateLimit-Limit"] = str(amount)
    response.headers["RateLimit-Remaining"] = str(max(remaining, 0))
    response.headers["RateLimit-Reset"] = str(_seconds_until(reset))
    return response


def _too_many(limiter: Limiter, exc: RateLimitExceeded) -> Response:
    current = limiter.current_limit
    retry_after = _seconds_until(current.window[0]) if current else 1
    detail = f"Rate limit of {exc.description} exceeded; retry in {retry_after} s."
    return problem_response(429, detail, headers={"Retry-After": str(retry_after)})


def _seconds_until(timestamp: float) -> int:
    return max(1, math.ceil(timestamp - time.time()))
