"""Rate limits (flask-limiter), checked before any database work.

Per principal for a verified JWT, per presented key for an API key, per IP otherwise; import,
submit and CSV export have tighter budgets of their own; unknown API keys are counted per IP,
and past the anonymous budget the key is not even looked up. Counters live in this process
(`memory://`, the `make run` default) or in a shared store (`LMS_RATE_LIMIT_STORAGE=redis://…`)
so that every worker and replica spends one budget. Outside dev a web process of several workers
refuses to start on `memory://` (`refuse_per_worker_counts`).

429 answers are problem+json with `Retry-After`; limited responses carry `RateLimit-Limit`,
`RateLimit-Remaining` and `RateLimit-Reset` (seconds until the window resets).
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask, Response, g, request
from flask_limiter import Limiter, RateLimitExceeded

from lms.gateway import budgets
from lms.gateway.budgets import seconds_until
from lms.gateway.config import GatewayConfig, load_config
from lms.gateway.limit_store import LeanMemoryStorage
from lms.kit.config import ConfigError, Settings
from lms.kit.web import problem_response

UNLIMITED_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
PREFIX = budgets.PREFIX


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
    budgets.install(app, config, limiter, limit_key)
    app.register_error_handler(RateLimitExceeded, lambda exc: _too_many(limiter, exc))


def refuse_per_worker_counts(
    settings: Settings, workers: int, environ: Mapping[str, str] | None = None
) -> None:
    """The web process's check: outside dev, counters in memory on several workers refuse to start
    (each worker would count apart, so N workers allow N times every limit, silently)."""
    storage = load_config(environ).rate_limit_storage
    if settings.env == "dev" or workers <= 1 or not _in_memory(storage):
        return
    raise ConfigError(
        f"refusing to start: LMS_RATE_LIMIT_STORAGE={storage} counts per worker, so {workers} workers "
        f"would allow {workers} times every rate limit; set LMS_RATE_LIMIT_STORAGE=redis://host:6379/0 "
        "(one budget for every worker and replica) or run one worker (LMS_WEB_WORKERS=1)"
    )


def _in_memory(configured: str) -> bool:
    return configured.rstrip("/") == "memory:"


def _storage_uri(configured: str) -> str:
    """`memory://` means this process's counters, kept by the lean store; anything else as given."""
    if _in_memory(configured):
        return f"{LeanMemoryStorage.STORAGE_SCHEME[0]}://"
    return configured


def limit_key() -> str:
    return g.get("limit_key") or f"ip:{request.remote_addr}"


def _limit(config: GatewayConfig) -> str:
    return config.rate_limit_authenticated if "limit_key" in g else config.rate_limit_anonymous


def add_headers(limiter: Limiter, response: Response) -> Response:
    """RateLimit-* headers for the tightest limit this request counted against."""
    if (answered := budgets.costly_headers(limiter, response)) is not None:
        return answered
    current = limiter.current_limit
    if current is not None:
        _headers(response, current.limit.amount, current.remaining, current.window[0])
    return response


def _headers(response: Response, amount: int, remaining: int, reset: float) -> Response:
    response.headers["RateLimit-Limit"] = str(amount)
    response.headers["RateLimit-Remaining"] = str(max(remaining, 0))
    response.headers["RateLimit-Reset"] = str(seconds_until(reset))
    return response


def _too_many(limiter: Limiter, exc: RateLimitExceeded) -> Response:
    current = limiter.current_limit
    retry_after = seconds_until(current.window[0]) if current else 1
    detail = f"Rate limit of {exc.description} exceeded; retry in {retry_after} s."
    return problem_response(429, detail, headers={"Retry-After": str(retry_after)})
