"""A team's membership as the directory (the people service) describes it, before and after a change."""

from __future__ import annotations

from collections.abc import Iterable


def membership_change(before: Iterable[str], after: Iterable[str]) -> tuple[set[str], set[str]]:
    """(joined, left) between two member lists."""
    before, after = set(before), set(after)
    return after - before, before - after
