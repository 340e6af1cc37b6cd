"""The gateway's own Prometheus metrics (the kit counts requests and latency)."""

from __future__ import annotations

from prometheus_client import Counter

UPSTREAM_RESPONSES = Counter(
    "lms_gateway_upstream_responses_total", "Responses received from upstreams", ["upstream", "status"]
)
_CACHE = Counter("lms_gateway_cache_lookups_total", "HTTP cache look-ups", ["result"])
CACHE_HITS = _CACHE.labels("hit")
CACHE_MISSES = _CACHE.labels("miss")
