"""An in-process counter store for flask-limiter's fixed windows, without a timer thread.

`limits`' own `memory://` storage starts a thread every 10 ms under load to expire keys; on
the gateway's hot path starting it stalls requests (~0.3 ms each). This store expires a
counter when it is next touched and sweeps stale ones every `SWEEP_EVERY` increments.
It registers the scheme `gateway-memory://` through limits' documented storage registry.
"""

from __future__ import annotations

import threading
import time

from limits.storage import Storage

SWEEP_EVERY = 10_000


class LeanMemoryStorage(Storage):
    """Per-process fixed-window counters: `{key: [count, expires_at]}` behind one lock."""

    STORAGE_SCHEME = ["gateway-memory"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: float | str | bool):
        super().__init__(uri, wrap_exceptions, **options)
        self._counters: dict[str, list[float]] = {}
        self._lock = threading.Lock()
        self._increments = 0

    @property
    def base_exceptions(self) -> type[Exception]:
        return ValueError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        with self._lock:
            counter = self._counters.get(key)
            if counter is None or counter[1] <= now:
                counter = self._counters[key] = [0, now + expiry]
            counter[0] += amount
            self._increments += 1
            if self._increments % SWEEP_EVERY == 0:
                self._sweep(now)
            return int(counter[0])

    def get(self, key: str) -> int:
        counter = self._counters.get(key)
        return int(counter[0]) if counter and counter[1] > time.time() else 0

    def get_expiry(self, key: str) -> float:
        counter = self._counters.get(key)
        return counter[1] if counter and counter[1] > time.time() else time.time()

    def check(self) -> bool:
        return True

    def reset(self) -> int | None:
        with self._lock:
            count = len(self._counters)
            self._counters.clear()
        return count

    def clear(self, key: str) -> None:
        with self._lock:
            self._counters.pop(key, None)

    def _sweep(self, now: float) -> None:
        for key in [k for k, (_count, expires) in self._counters.items() if expires <= now]:
            del self._counters[key]
