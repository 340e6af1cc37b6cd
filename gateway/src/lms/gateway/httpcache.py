"""A bounded in-memory HTTP cache for public GET responses (RFC 9111, the parts a gateway needs)."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
NOT_STORED = frozenset({"private", "no-store", "no-cache"})
VARY_HANDLED = frozenset({"accept", "accept-encoding"})


@dataclass(frozen=True)
class Entry:
    """A stored 200 response: headers without hop-by-hop ones, the body, and its freshness."""

    headers: tuple[tuple[str, str], ...]
    body: bytes
    etag: str | None
    stored_at: float
    expires_at: float

    def age(self, now: float) -> int:
        return int(now - self.stored_at)


def freshness(cache_control: str | None, vary: str | None) -> int:
    """Seconds a shared cache may keep the response, or 0 when it must not store it."""
    if not cache_control:
        return 0
    directives = {}
    for part in cache_control.lower().split(","):
        name, _, value = part.strip().partition("=")
        directives[name] = value.strip('"')
    if "public" not in directives or NOT_STORED.intersection(directives):
        return 0
    if vary and not {v.strip().lower() for v in vary.split(",")} <= VARY_HANDLED:
        return 0
    value = directives.get("s-maxage") or directives.get("max-age") or "0"
    return int(value) if value.isdigit() else 0


def etag_matches(if_none_match: str, etag: str) -> bool:
    """Weak comparison, as If-None-Match asks for."""
    if if_none_match.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == wanted for tag in if_none_match.split(","))


class ResponseCache:
    """LRU of fresh responses, bounded by entry count and total body bytes; thread-safe."""

    def __init__(self, max_entries: int, max_bytes: int, max_entry_bytes: int = 1024 * 1024) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_entry_bytes = min(max_entry_bytes, max_bytes)
        self._entries: OrderedDict[tuple[str, ...], Entry] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.max_entries > 0

    def get(self, key: tuple[str, ...], now: float | None = None) -> Entry | None:
        now = time.monotonic() if now is None else now
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry.expires_at <= now:
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key: tuple[str, ...], entry: Entry) -> None:
        if not self.enabled or len(entry.body) > self.max_entry_bytes:
            return
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = entry
            self._bytes += len(entry.body)
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                self._drop(next(iter(self._entries)))

    def invalidate(self, path: str) -> None:
        """Forget every stored variant of `path` (after a successful unsafe request to it)."""
        with self._lock:
            for key in [k for k in self._entries if k[0] == path]:
                self._drop(key)

    def __len__(self) -> int:
        return len(self._entries)

    def _drop(self, key: tuple[str, ...]) -> None:
        self._bytes -= len(self._entries.pop(key).body)
