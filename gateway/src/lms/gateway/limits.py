"""Rate limits (flask-limiter): per principal when authenticated, per IP otherwise.

429 answers are problem+json with `Retry-After`; every limited response carries
`RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds until the window resets).
"""

from __future__ import annotations

import math
import time

from flask import Flask, Response, g, request
from flask_limiter import Limiter, RateLimitExceeded

from lms.gateway.config import GatewayConfig
from lms.gateway.limit_store import LeanMemoryStorage
from lms.kit.web import problem_response

UNLIMITED_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


def install(app: Flask, config: GatewayConfig) -> Limiter:
    """Add the limiter's before_request check and the 429 problem to `app` (headers: `add_headers`)."""
    limiter = Limiter(
        key_func=_caller_key,
        application_limits=[lambda: _limit(config)],
        storage_uri=_storage_uri(config.rate_limit_storage),
        strategy="fixed-window",
        key_prefix="lms-gateway",
        headers_enabled=False,
    )
    limiter.request_filter(lambda: request.path in UNLIMITED_PATHS)
    limiter.init_app(app)
    app.register_error_handler(RateLimitExceeded, lambda exc: _too_many(limiter, exc))
    return limiter


def _storage_uri(configured: str) -> str:
    """`memory://` means this process's counters, kept by the lean store; anything else as given."""
    if configured.rstrip("/") == "memory:":
        return f"{LeanMemoryStorage.STORAGE_SCHEME[0]}://"
    return configured


def _caller_key() -> str:
    caller = g.get("caller")
    return f"sub:{caller.principal.sub}" if caller else f"ip:{request.remote_addr}"


def _limit(config: GatewayConfig) -> str:
    return config.rate_limit_authenticated if "caller" in g else config.rate_limit_anonymous


def add_headers(limiter: Limiter, response: Response) -> Response:
    """RateLimit-* headers for the limit this request counted against."""
    current = limiter.current_limit
    if current is not None:
        response.headers["RateLimit-Limit"] = str(current.limit.amount)
        response.headers["RateLimit-Remaining"] = str(max(current.remaining, 0))
        response.headers["RateLimit-Reset"] = str(_seconds_until(current.window[0]))
    return response


def _too_many(limiter: Limiter, exc: RateLimitExceeded) -> Response:
    current = limiter.current_limit
    retry_after = _seconds_until(current.window[0]) if current else 1
    detail = f"Rate limit of {exc.description} exceeded; retry in {retry_after} s."
    return problem_response(429, detail, headers={"Retry-After": str(retry_after)})


def _seconds_until(timestamp: float) -> int:
    return max(1, math.ceil(timestamp - time.time()))
