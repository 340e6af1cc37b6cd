"""Long-running processes (web workers, relay, consumer): a clean stop, and a collector
tuned for a long life."""

from __future__ import annotations

import gc
import signal
import threading

# CPython collects its young generation every 700 net allocations. A consumer applying a
# batch allocates dicts and rows by the hundred thousand, all short-lived and acyclic, so
# those collections (each also walking whatever survived before) took ~18 % of the
# projector's CPU (bench/projector.py, decision 0053). Every 20,000 keeps cycles collected.
YOUNG_GENERATION_THRESHOLD = 20_000


def stop_on_signals() -> threading.Event:
    """An event set on SIGTERM or SIGINT, so a loop finishes its batch and exits."""
    stop = threading.Event()

    def handle(_signum: int, _frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, handle)
    signal.signal(signal.SIGINT, handle)
    return stop


def settle_collector() -> None:
    """Call once a process has started: what start-up built (modules, schemas, the app) is moved
    out of the collector's way (`gc.freeze`), and the young generation is collected less often."""
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, older, oldest)
