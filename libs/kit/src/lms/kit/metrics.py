"""Prometheus metrics shared by every process of a service."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

HTTP_REQUESTS = Counter("lms_http_requests_total", "HTTP requests answered", ["method", "endpoint", "status"])
HTTP_LATENCY = Histogram(
    "lms_http_request_duration_seconds", "Time to answer an HTTP request", ["method", "endpoint"]
)
OUTBOX_PUBLISHED = Counter("lms_outbox_published_total", "Outbox rows published to Kafka")
OUTBOX_RELAY_FAILURES = Counter("lms_outbox_relay_failures_total", "Relay passes rolled back")
EVENTS_APPLIED = Counter("lms_inbox_events_applied_total", "Events applied by a consumer", ["group"])
EVENTS_DUPLICATE = Counter("lms_inbox_events_duplicate_total", "Redelivered events skipped", ["group"])
EVENTS_DEAD_LETTERED = Counter("lms_inbox_dead_letters_total", "Events sent to a DLQ", ["group"])
INBOX_LAG = Gauge(
    "lms_inbox_lag", "Records between a consumer's positions and its partitions' ends", ["group"]
)
INBOX_LAST_POLL = Gauge(
    "lms_inbox_last_poll_timestamp_seconds", "When a consumer last polled as a member of its group", ["group"]
)
INBOX_REJOINS = Counter(
    "lms_inbox_rejoins_total", "Kafka clients a stalled consumer replaced with fresh ones", ["group"]
)
