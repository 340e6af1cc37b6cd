"""The schedule process: SIGKILLed and restarted, and two at once, it neither misses nor doubles
a reminder; a deactivated learner's reminders and their manager's escalations stop; a policy
that cannot run is refused with nothing written."""

from __future__ import annotations

import json
import os
import time
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from lms.kit.outbox import outbox
from lms.progress.db import cycles, notices
from lms.progress.processes.scheduler import Scheduler
from lms.testing.proc import Process

pytestmark = pytest.mark.integration
POLICY = {"due_in_days": 20, "remind_before_days": [10, 3], "escalate_after_days": 5}
REMINDERS = ("due_soon", "overdue", "escalated", "expiring", "expired")


def settled(ctx, state: str = "sent") -> int:
    with ctx.sessions() as session:
        return session.scalar(select(func.count()).select_from(notices).where(notices.c.state == state))


def notice_ids(ctx) -> list[str]:
    with ctx.sessions() as session:
        rows = session.scalars(select(outbox.c.payload).where(outbox.c.event_type.like("%.assignment.%")))
        certs = session.scalars(select(outbox.c.payload).where(outbox.c.event_type.like("%.certification.%")))
        return [json.loads(p)["notice_id"] for p in [*rows, *certs]]


def wait_for(condition, timeout_s: float = 90) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.1)


def test_a_killed_scheduler_and_two_at_once_neither_miss_nor_double_a_reminder(
    world, compliance_org, tmp_path
):
    org = compliance_org
    ctx = world.client.application.extensions["lms.progress"]
    org.person("boss")
    names = [f"m{i}" for i in range(30)]
    for name in names:
        org.person(name, manager="boss")
    org.team("crew", names, manager="boss")
    world.drain()
    org.assign("crew", recertify_every_days=60, window_days=20, grace_days=3, **POLICY)
    for name in names[:10]:  # a third completes at once: their certificates expire, renewals open
        complete_first(world, ctx, org.id(name), org.lesson_id)
    with ctx.sessions() as session:  # 4 per open cycle (2 due_soon, overdue, escalated), 2 per completion
        assert session.scalar(select(func.count()).select_from(notices)) == 30 * 4 + 10 * 2
    expected = 20 * 4 + 10 * (2 + 4)  # the 10 completed: expiring, expired, and their renewal's four
    env = {
        **os.environ,
        "LMS_ENV": "dev",
        "PROGRESS_DATABASE_URL": world.settings.database_url,
        "LMS_TOPIC_PREFIX": world.settings.topic_prefix,
        "LMS_JWT_SECRET": world.settings.jwt.secret,
        "LMS_CLOCK_START": org.clock.now.isoformat(),
        "LMS_CLOCK_SPEED": str(timedelta(days=4).total_seconds()),  # 4 simulated days a second
        "LMS_SCHEDULE_INTERVAL_S": "0.02",
    }
    first = Process("lms.progress", ["schedule"], tmp_path / "first.log", env=env).start()
    wait_for(lambda: settled(ctx) >= 20)
    first.kill()
    with (
        Process("lms.progress", ["schedule"], tmp_path / "second.log", env=env),
        Process("lms.progress", ["schedule"], tmp_path / "third.log", env=env),
    ):
        wait_for(lambda: settled(ctx) >= expected)
    ids = notice_ids(ctx)
    assert len(ids) == len(set(ids)) == settled(ctx) == expected
    assert settled(ctx, "pending") == 0


def complete_first(world, ctx, learner_id: str, lesson_id: str) -> None:
    with ctx.sessions() as session:
        enrolment_id = session.scalar(select(cycles.c.enrolment_id).where(cycles.c.learner_id == learner_id))
    world.complete(learner_id, enrolment_id, lesson_id)


def test_a_deactivated_learner_gets_no_more_reminders_nor_their_manager_escalations(world, compliance_org):
    org = compliance_org
    ctx = world.client.application.extensions["lms.progress"]
    org.person("boss")
    for name in ("ada", "ben", "cy"):
        org.person(name, manager="boss")
    org.team("desk", ["ada", "ben", "cy"], manager="boss")
    world.drain()
    start = org.clock.now
    hook = world.client.post(
        "/api/v1/webhooks",
        json={"url": "http://127.0.0.1:9/hooks", "event_types": ["lms.progress.assignment.escalated.v1"]},
        headers=world.token("hr1", "hr"),
    ).get_json()
    org.assign("desk", **POLICY)
    scheduler = Scheduler(ctx)
    for day in range(31):
        org.clock.now = start + timedelta(days=day)
        if day == 12:
            org.deactivate("ada")
            org.team("desk", ["ada", "ben"], manager="boss")  # cy leaves the team
            world.drain()
        scheduler.tick()
    with ctx.sessions() as session:
        rows = session.execute(
            select(cycles.c.learner_id, notices.c.kind, notices.c.offset_days)
            .join(cycles, cycles.c.id == notices.c.cycle_id)
            .where(notices.c.state == "sent")
        ).all()
    sent = {(learner, kind, offset) for learner, kind, offset in rows}
    before = {("due_soon", 10)}
    assert {(k, o) for learner, k, o in sent if learner == org.id("ada")} == before
    assert {(k, o) for learner, k, o in sent if learner == org.id("cy")} == before
    everything = {("due_soon", 10), ("due_soon", 3), ("overdue", 0), ("escalated", 5)}
    assert {(k, o) for learner, k, o in sent if learner == org.id("ben")} == everything
    escalations = [json.loads(p) for p in escalated_payloads(ctx)]
    assert [(e["learner_id"], e["manager_ids"]) for e in escalations] == [(org.id("ben"), [org.id("boss")])]
    deliveries = world.client.get(
        f"/api/v1/webhooks/{hook['id']}/deliveries", headers=world.token("hr1", "hr")
    )
    assert len(deliveries.get_json()) == 1  # the one escalation, as a webhook delivery


def escalated_payloads(ctx) -> list[str]:
    with ctx.sessions() as session:
        query = select(outbox.c.payload).where(outbox.c.event_type == "lms.progress.assignment.escalated.v1")
        return list(session.scalars(query))


@pytest.mark.parametrize(
    "policy",
    [
        {"recertify_every_days": 30, "window_days": 60},
        {"recertify_every_days": 30, "window_days": 30},
        {"window_days": 10},
        {"remind_before_days": [-3]},
        {"remind_before_days": [0]},
        {"remind_before_days": [3, 3]},
        {"escalate_after_days": 0},
        {"grace_days": -1},
    ],
    ids=[
        "window>period",
        "window=period",
        "window-without-period",
        "negative",
        "zero",
        "dup",
        "esc0",
        "grace",
    ],
)
def test_a_policy_that_cannot_run_is_refused_and_nothing_is_written(world, compliance_org, policy):
    org = compliance_org
    org.person("solo")
    org.team("one", ["solo"], manager="solo")
    world.drain()
    body = {"course_id": org.course_id, "team_id": org.id("one"), **policy}
    reply = world.client.post("/api/v1/assignments", json=body, headers=world.token("hr1", "hr"))
    assert reply.status_code == 422, reply.get_json()
    assert reply.content_type == "application/problem+json"
    assert reply.get_json()["errors"]
    listed = world.client.get("/api/v1/assignments", headers=world.token("hr1", "hr")).get_json()
    assert listed["items"] == []
    assert (
        world.client.get(
            f"/api/v1/enrolments?learner_id={org.id('solo')}", headers=world.token("hr1", "hr")
        ).get_json()
        == []
    )


def test_a_course_retired_mid_cycle_sends_no_more_reminders(world, compliance_org):
    org = compliance_org
    ctx = world.client.application.extensions["lms.progress"]
    org.person("boss")
    org.person("ida", manager="boss")
    org.team("few", ["ida"], manager="boss")
    world.drain()
    start = org.clock.now
    org.assign("few", **POLICY)
    scheduler = Scheduler(ctx)
    org.clock.now = start + timedelta(days=11)
    scheduler.tick()
    retired = {"course_id": org.course_id, "retired_at": org.clock.now.isoformat()}
    world.send("curriculum", "lms.curriculum.course.retired.v1", retired, org.course_id)
    world.drain()
    org.clock.now = start + timedelta(days=40)
    scheduler.tick()
    with ctx.sessions() as session:
        rows = session.execute(select(notices.c.kind, notices.c.state, notices.c.reason)).all()
    assert sorted(rows) == [
        ("due_soon", "dropped", "course retired"),
        ("due_soon", "sent", None),
        ("escalated", "dropped", "course retired"),
        ("overdue", "dropped", "course retired"),
    ]


def test_an_assignment_migrated_already_overdue_is_overdue_at_once_with_one_notice(world, compliance_org):
    """An HR system moving from another LMS carries assignments whose due date has passed."""
    org = compliance_org
    ctx = world.client.application.extensions["lms.progress"]
    org.person("boss")
    org.person("late", manager="boss")
    org.team("moved", ["late"], manager="boss")
    world.drain()
    start = org.clock.now
    due = (start - timedelta(days=10)).isoformat()
    made = org.assign("moved", due_at=due, remind_before_days=[14, 3], escalate_after_days=30)
    assert made["assigned"] == 1
    (listed,) = world.client.get(
        f"/api/v1/assignments?learner_id={org.id('late')}", headers=world.token("hr1", "hr")
    ).get_json()["items"]
    assert listed["current_cycle"]["state"] == "overdue"
    scheduler = Scheduler(ctx)
    for hours in (0, 1, 48):
        org.clock.now = start + timedelta(hours=hours)
        scheduler.tick()
    kinds = [json.loads(p)["notice_id"].split(":")[1] for p in assignment_payloads(ctx, org.id("late"))]
    assert kinds == ["overdue"]
    org.clock.now = start + timedelta(days=21)  # 30 days after the due date
    scheduler.tick()
    kinds = [json.loads(p)["notice_id"].split(":")[1] for p in assignment_payloads(ctx, org.id("late"))]
    assert sorted(kinds) == ["escalated", "overdue"]


def assignment_payloads(ctx, learner_id: str) -> list[str]:
    with ctx.sessions() as session:
        query = select(outbox.c.payload).where(
            outbox.c.event_type.like("lms.progress.assignment.%"), outbox.c.key == learner_id
        )
        return list(session.scalars(query))
