"""What the web process keeps in memory: reply bodies of frozen things, and short-lived numbers.

Both are the kit's `BoundedCache`: bounded whatever callers ask for, least recently used first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from lms.kit.cache import BoundedCache

REPLIES = 512  # catalogue pages and published versions, per body format
NUMBERS = 10_000  # latest version per course, and the catalogue revision


@dataclass(frozen=True)
class Cached:
    """A serialised JSON reply with its strong ETag and how long clients may keep it."""

    body: bytes
    etag: str
    max_age: int = 0


def replies() -> BoundedCache[Hashable, Cached]:
    return BoundedCache(max_entries=REPLIES)


def numbers(ttl_s: float) -> BoundedCache[Hashable, int]:
    return BoundedCache(max_entries=NUMBERS, ttl_s=ttl_s)


def cached_reply(cache: BoundedCache[Hashable, Cached], key: Hashable, build: Callable[[], bytes]) -> Cached:
    """The reply under `key`, or `build()` serialised once and stored with its ETag."""
    return cache.get_or_build(key, lambda: _with_etag(build()))


def _with_etag(body: bytes) -> Cached:
    return Cached(body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')
