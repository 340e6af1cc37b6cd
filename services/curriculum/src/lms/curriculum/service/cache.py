"""In-memory caches of the web process: response bodies of frozen things, and short-lived numbers."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass


@dataclass(frozen=True)
class Cached:
    """A serialised JSON reply with its strong ETag and how long clients may keep it."""

    body: bytes
    etag: str
    max_age: int = 0


class JsonCache:
    """A bounded LRU of response bodies with their strong ETags."""

    def __init__(self, size: int = 512):
        self.size = size
        self._items: OrderedDict[Hashable, Cached] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_build(self, key: Hashable, build: Callable[[], bytes]) -> Cached:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        body = build()
        cached = Cached(body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')
        with self._lock:
            self._items[key] = cached
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return cached


class Memo:
    """Values remembered for `ttl_s` per process (bounded: cleared whole when full)."""

    def __init__(self, ttl_s: float, size: int = 10_000):
        self.ttl_s, self.size = ttl_s, size
        self._items: dict[Hashable, tuple[float, int]] = {}

    def get_or_read(self, key: Hashable, read: Callable[[], int]) -> int:
        remembered = self._items.get(key)
        if remembered and time.monotonic() - remembered[0] < self.ttl_s:
            return remembered[1]
        value = read()
        if len(self._items) >= self.size:
            self._items.clear()
        self._items[key] = (time.monotonic(), value)
        return value

    def forget(self, *keys: Hashable) -> None:
        for key in keys:
            self._items.pop(key, None)
