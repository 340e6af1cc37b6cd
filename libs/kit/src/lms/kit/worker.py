"""One process, several background loops side by side (the `worker` process kind).

On a laptop a relay, a consumer and a dispatcher each in their own interpreter cost ~100 MiB
apiece for a few events a second; the embedded default runs them as threads of one process.
Production keeps them separate process kinds, each scaled on its own.

A loop that raises, or returns while it should still be running, stops the others and the
process exits non-zero: its supervisor restarts a whole worker rather than leaving it half
alive with a dead relay or consumer that nobody notices.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping

log = logging.getLogger(__name__)

Loop = Callable[[threading.Event], None]
STOP_GRACE_S = 30.0


def run_side_by_side(loops: Mapping[str, Loop], stop: threading.Event) -> int:
    """Run every loop in its own thread until `stop` is set or one of them ends.

    Returns 0 when they all stopped because `stop` was set, 1 when one died first.
    """
    died = threading.Event()
    threads = [
        threading.Thread(target=_guarded, args=(name, loop, stop, died), name=name, daemon=True)
        for name, loop in loops.items()
    ]
    for thread in threads:
        thread.start()
    while not stop.is_set():
        stop.wait(0.5)  # short waits: the main thread must come back to run signal handlers
    for thread in threads:
        thread.join(STOP_GRACE_S)
        if thread.is_alive():
            log.error("%s did not stop within %.0f s; exiting without it", thread.name, STOP_GRACE_S)
    return 1 if died.is_set() else 0


def _guarded(name: str, loop: Loop, stop: threading.Event, died: threading.Event) -> None:
    try:
        loop(stop)
    except BaseException:
        log.exception("%s died; stopping the worker", name)
        died.set()
    else:
        if not stop.is_set():
            log.error("%s returned while it should run; stopping the worker", name)
            died.set()
    finally:
        stop.set()
