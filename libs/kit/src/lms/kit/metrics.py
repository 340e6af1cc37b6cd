"""Prometheus metrics shared by every process of a service, and how a web server with several
worker processes exposes them as one (prometheus_client's multiprocess mode; decision 0078)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
    values,
)
from prometheus_client.metrics import MetricWrapperBase

MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"

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


def count_across_processes(directory: Path) -> None:
    """Multiprocess mode from here on: every process counts into files under `directory`, and
    `exposition` sums them, so a scrape answered by any gunicorn worker shows all workers.

    For a server's master before it forks its workers (`lms.kit.gunicorn.serve`). The directory is
    emptied first: files of an earlier run would be summed in. prometheus_client picks its value
    class when first imported, and modules have already made a few values by now (unlabelled
    counters, pre-labelled children): those are rebuilt on the new class, so none is left out.
    """
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink()
    os.environ[MULTIPROCESS_DIR] = str(directory)
    values.ValueClass = values.MultiProcessValue()
    for collector in list(REGISTRY._collector_to_names):
        if isinstance(collector, MetricWrapperBase):
            _rebuild(collector)


def _rebuild(metric: MetricWrapperBase) -> None:
    if not metric._labelnames:
        metric._metric_init()
        return
    with metric._lock:
        children = list(metric._metrics.values())
    for child in children:
        child._metric_init()


def own_directory(prefix: Path) -> Path:
    """`<prefix>-<pid>`: this process's directory. Those beside it whose process is gone (a server
    SIGKILLed cannot remove its own at exit) are removed first."""
    for sibling in prefix.parent.glob("*-[0-9]*"):
        pid = sibling.name.rsplit("-", 1)[1]
        if pid.isdigit() and not _alive(int(pid)):
            remove_directory(sibling)
    return prefix.with_name(f"{prefix.name}-{os.getpid()}")


def remove_directory(directory: Path) -> None:
    """A server's counting directory, at its exit."""
    for path in directory.glob("*.db"):
        path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        directory.rmdir()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # no signal sent: only whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    return True


def process_gone(pid: int) -> None:
    """A worker ended: its live gauges stop counting (its counters stay in the sums)."""
    if MULTIPROCESS_DIR in os.environ:
        multiprocess.mark_process_dead(pid)


def exposition(own: CollectorRegistry) -> bytes:
    """The text `/metrics` answers: all processes' metrics summed in multiprocess mode (else this
    process's own), then `own`, the collectors that read their value at scrape time."""
    if MULTIPROCESS_DIR in os.environ:
        shared = CollectorRegistry()
        multiprocess.MultiProcessCollector(shared)
        return generate_latest(shared) + generate_latest(own)
    return generate_latest(REGISTRY) + generate_latest(own)
