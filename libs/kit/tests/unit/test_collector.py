"""A long-running process settles its collector once started."""

from __future__ import annotations

import gc

import pytest

from lms.kit.process import YOUNG_GENERATION_THRESHOLD, settle_collector


@pytest.fixture
def restored_collector():
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_start_up_objects_leave_the_collector_and_young_collections_are_rarer(restored_collector):
    _, older, oldest = gc.get_threshold()
    settle_collector()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == (YOUNG_GENERATION_THRESHOLD, older, oldest)


def test_cycles_made_after_settling_are_still_collected(restored_collector):
    settle_collector()

    class Node:
        pass

    collected_before = sum(stats["collected"] for stats in gc.get_stats())
    for _ in range(YOUNG_GENERATION_THRESHOLD * 3):
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle: only the collector can free it
    collected_after = sum(stats["collected"] for stats in gc.get_stats())
    assert collected_after - collected_before >= YOUNG_GENERATION_THRESHOLD
