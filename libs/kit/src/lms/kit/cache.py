"""A bounded, thread-safe LRU cache with optional expiry, for the per-process caches services keep.

    tokens = BoundedCache[str, Principal](max_entries=10_000, ttl_s=60)
    tokens.put(token, principal, expires_at=claims["exp"])  # never kept past the token's life
    principal = tokens.get(token)                            # None when absent or expired

Memory stays bounded by `max_entries` whatever the callers send; the least recently used
entry goes first. `None` means "absent", so store no `None` values. Times are seconds on
`clock` (time.monotonic unless given): pass `clock=time.time` to store wall-clock expiries
such as a JWT's `exp`.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    """At most `max_entries` values, each kept at most `ttl_s` seconds (None: until evicted)."""

    def __init__(
        self, max_entries: int, ttl_s: float | None = None, clock: Callable[[], float] = time.monotonic
    ):
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self.max_entries = max_entries
        self.ttl_s = ttl_s
        self._clock = clock
        self._entries: OrderedDict[K, tuple[V, float]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        """The value under `key` if present and not expired (and mark it recently used)."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry[1] <= self._clock():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return entry[0]

    def put(self, key: K, value: V, expires_at: float | None = None) -> None:
        """Store `value`; it expires at the earlier of `expires_at` and now + `ttl_s`."""
        deadline = self._deadline(expires_at)
        with self._lock:
            self._entries[key] = (value, deadline)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def get_or_build(self, key: K, build: Callable[[], V]) -> V:
        """The cached value, or `build()` stored and returned (built outside the lock)."""
        found = self.get(key)
        if found is not None:
            return found
        value = build()
        self.put(key, value)
        return value

    def discard(self, key: K) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def _deadline(self, expires_at: float | None) -> float:
        limits = [t for t in (expires_at, self._ttl_deadline()) if t is not None]
        return min(limits) if limits else float("inf")

    def _ttl_deadline(self) -> float | None:
        return None if self.ttl_s is None else self._clock() + self.ttl_s
