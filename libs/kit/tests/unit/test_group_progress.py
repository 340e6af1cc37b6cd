"""The web process's view of its consumers: a group behind that commits nothing for the bound
makes `/readyz` red; one that commits, or has nothing left, keeps it green."""

from __future__ import annotations

import pytest
from kafka import TopicPartition

from lms.kit.config import JwtSettings, Settings
from lms.kit.grouplag import GroupProgress
from lms.kit.liveness import Stalled
from lms.kit.web import create_app

PARTITION = TopicPartition("lms.people.events", 0)


class Brokers:
    """What the brokers say of the group: its committed offset and its lag, or an error."""

    def __init__(self) -> None:
        self.committed, self.lag, self.error = 0, 0, None

    def read(self):
        if self.error:
            raise self.error
        return {PARTITION: self.committed}, self.lag


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def world():
    brokers, clock = Brokers(), Clock()
    progress = GroupProgress(
        brokers, "lms.insights", stall_after_s=60, cache_s=5, clock=clock, spawn=lambda read: read()
    )
    return brokers, clock, progress


def test_a_group_behind_that_commits_nothing_is_stalled_after_the_bound(world):
    brokers, clock, progress = world
    brokers.lag = 40
    progress.check()
    clock.now = 59
    progress.check()
    clock.now = 66
    with pytest.raises(Stalled, match=r"lms\.insights: 40 records behind and nothing committed for 66 s"):
        progress.check()
    brokers.committed, brokers.lag = 30, 10  # it moves again
    clock.now = 71
    progress.check()


def test_a_caught_up_group_stays_ready_however_long_it_is_idle(world):
    _brokers, clock, progress = world
    for minute in range(10):
        clock.now = 60.0 * minute
        progress.check()


def test_offsets_that_cannot_be_read_for_the_bound_count_as_no_progress(world):
    brokers, clock, progress = world
    progress.check()
    brokers.error = TimeoutError("offsets not read within 2 s")
    clock.now = 30
    progress.check()
    clock.now = 61
    with pytest.raises(Stalled, match="offsets unreadable \\(TimeoutError"):
        progress.check()


def test_a_read_that_hangs_does_not_hold_the_probe_and_counts_as_no_progress():
    clock, started = Clock(), []
    progress = GroupProgress(Brokers(), "lms.insights", stall_after_s=60, clock=clock, spawn=started.append)
    progress.check()  # the read started in the background, and never finishes
    clock.now = 30
    progress.check()
    assert len(started) == 1  # no second read while the first hangs
    clock.now = 61
    with pytest.raises(Stalled, match=r"offsets unreadable \(no answer for 61 s\) for 61 s"):
        progress.check()


def test_readyz_of_the_web_process_turns_red_and_names_the_group_to_admins(world):
    from lms.kit.auth import mint_token

    brokers, clock, progress = world
    jwt = JwtSettings(secret="unit-test-secret-unit-test-secret!")
    app = create_app(Settings(service="insights", jwt=jwt), title="t", readiness={"consumer": progress.check})
    client = app.test_client()
    brokers.lag = 5
    assert client.get("/readyz").status_code == 200
    clock.now = 61
    response = client.get("/readyz", headers={"Authorization": "Bearer " + mint_token(jwt, "ops", ["admin"])})
    assert response.status_code == 503
    assert "consumer group lms.insights: 5 records behind" in response.get_json()["checks"]["consumer"]
