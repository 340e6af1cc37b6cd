"""Serialised JSON of frozen things (published versions, catalogue pages), kept in memory."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass


@dataclass(frozen=True)
class Cached:
    body: bytes
    etag: str


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
