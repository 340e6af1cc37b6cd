"""The bounded cache keeps at most N values, forgets the least recently used first, and expires."""

from __future__ import annotations

import threading

import pytest

from lms.kit.cache import BoundedCache


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_it_never_holds_more_than_max_entries_and_evicts_the_least_recently_used():
    cache = BoundedCache[str, int](max_entries=2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now more recent than "b"
    cache.put("c", 3)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3)
    assert len(cache) == 2


def test_values_expire_after_ttl():
    clock = Clock()
    cache = BoundedCache[str, str](max_entries=10, ttl_s=60, clock=clock)
    cache.put("k", "v")
    clock.now += 59
    assert cache.get("k") == "v"
    clock.now += 1
    assert cache.get("k") is None
    assert len(cache) == 0


def test_an_earlier_expiry_than_the_ttl_wins():
    clock = Clock()
    cache = BoundedCache[str, str](max_entries=10, ttl_s=60, clock=clock)
    cache.put("token", "principal", expires_at=clock.now + 5)
    clock.now += 5
    assert cache.get("token") is None


def test_without_ttl_values_stay_until_evicted():
    clock = Clock()
    cache = BoundedCache[str, str](max_entries=1, clock=clock)
    cache.put("k", "v")
    clock.now += 10**9
    assert cache.get("k") == "v"


def test_get_or_build_builds_once_per_key():
    cache = BoundedCache[str, list](max_entries=4)
    built: list[str] = []
    first = cache.get_or_build("page-1", lambda: built.append("page-1") or ["x"])
    again = cache.get_or_build("page-1", lambda: built.append("page-1") or ["y"])
    assert first is again
    assert built == ["page-1"]


def test_discard_and_clear():
    cache = BoundedCache[int, int](max_entries=4)
    for i in range(3):
        cache.put(i, i)
    cache.discard(1)
    assert cache.get(1) is None
    cache.clear()
    assert len(cache) == 0


def test_many_threads_never_push_it_past_its_bound():
    cache = BoundedCache[int, int](max_entries=50)

    def fill(start: int) -> None:
        for i in range(start, start + 2_000):
            cache.put(i, i)
            cache.get(i - 7)

    threads = [threading.Thread(target=fill, args=(n * 10_000,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(cache) == 50


def test_a_cache_of_nothing_is_refused():
    with pytest.raises(ValueError, match="max_entries"):
        BoundedCache(max_entries=0)
