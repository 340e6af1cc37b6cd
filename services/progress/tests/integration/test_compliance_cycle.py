"""Two simulated years of an annual course with a 30-day renewal window: 200 learners in 10
teams complete on time, late or never (seeded); every reminder goes out once, on its day, and
never after a completion; each completed cycle is one feed item with its own certificate."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from sqlalchemy import select

from lms.kit.outbox import outbox
from lms.progress.db import cycles, notices
from lms.progress.processes.scheduler import Scheduler

pytestmark = pytest.mark.integration
DAYS, PERIOD, WINDOW, GRACE, DUE_IN, ESCALATE = 730, 365, 30, 14, 30, 7
POLICY = {
    "due_in_days": DUE_IN,
    "recertify_every_days": PERIOD,
    "window_days": WINDOW,
    "grace_days": GRACE,
    "remind_before_days": [14, 3],
    "escalate_after_days": ESCALATE,
}
KIND_TYPES = {
    "due_soon": "lms.progress.assignment.due_soon.v1",
    "overdue": "lms.progress.assignment.overdue.v1",
    "escalated": "lms.progress.assignment.escalated.v1",
    "expiring": "lms.progress.certification.expiring.v1",
    "expired": "lms.progress.certification.expired.v1",
}


@dataclass
class Learner:
    """The test's own model of one learner: per cycle (opened, due, completed day or None)."""

    name: str
    manager: str
    rng: random.Random
    cycles: list[list] = field(default_factory=list)

    def open(self, day: int, due: int) -> None:
        roll = self.rng.random()
        if roll < 0.1:
            done = None
        elif roll < 0.3:
            done = due + self.rng.randint(1, 20)
        else:
            done = self.rng.randint(day + 1, due - 1)
        self.cycles.append([day, due, done])

    def expected(self) -> set[tuple]:
        """(cycle, kind, offset, day) of every notice the rules promise within the horizon."""
        found = set()
        for number, (opened, due, done) in enumerate(self.cycles, start=1):
            planned = [("due_soon", 14, due - 14), ("due_soon", 3, due - 3), ("overdue", 0, due)]
            planned.append(("escalated", ESCALATE, due + ESCALATE))
            found |= {(number, k, o, d) for k, o, d in planned if d >= opened and (done is None or done > d)}
            if done is not None:
                found.add((number, "expiring", WINDOW, done + PERIOD - WINDOW))
                later = self.cycles[number][2] if number < len(self.cycles) else None
                expiry = done + PERIOD + GRACE
                if later is None or later > expiry:
                    found.add((number, "expired", GRACE, expiry))
        return {n for n in found if n[3] <= DAYS}


def test_two_years_of_an_annual_course_remind_once_on_the_day_and_keep_every_cycle(world, compliance_org):
    org, rng = compliance_org, random.Random(14)
    ctx = world.client.application.extensions["lms.progress"]
    learners = {}
    for t in range(10):
        org.person(f"boss{t}")
        members = [f"p{t}x{i}" for i in range(20)]
        for name in members:
            org.person(name, manager=f"boss{t}")
            learners[org.id(name)] = Learner(name, org.id(f"boss{t}"), rng)
        org.team(f"team{t}", members, manager=f"boss{t}")
    world.drain()
    start = org.clock.now
    for t in range(10):
        assert org.assign(f"team{t}", **POLICY)["assigned"] == 20
    for learner in learners.values():
        learner.open(0, DUE_IN)

    scheduler = Scheduler(ctx)
    for day in range(DAYS + 1):
        org.clock.now = start + timedelta(days=day)
        for learner_id, learner in learners.items():
            if learner.cycles[-1][2] == day:
                complete_open_cycle(world, ctx, learner_id, org.lesson_id)
        scheduler.tick()
        for learner in learners.values():
            _, _, done = learner.cycles[-1]
            if done is not None and day == done + PERIOD - WINDOW:
                learner.open(day, done + PERIOD)

    sent = sent_notices(ctx, start)
    for learner_id, learner in learners.items():
        assert sent.get(learner_id, set()) == learner.expected(), learner.name
    check_events(ctx, learners)
    check_feed(world, learners)
    check_history(world, org, learners, start)


def complete_open_cycle(world, ctx, learner_id: str, lesson_id: str) -> None:
    with ctx.sessions() as session:
        enrolment_id = session.scalar(
            select(cycles.c.enrolment_id).where(cycles.c.learner_id == learner_id, cycles.c.status == "open")
        )
    world.complete(learner_id, enrolment_id, lesson_id)


def sent_notices(ctx, start) -> dict[str, set[tuple]]:
    """Per learner: (cycle, kind, offset, day sent) of every notice sent."""
    query = select(
        cycles.c.learner_id, cycles.c.cycle, notices.c.kind, notices.c.offset_days, notices.c.settled_at
    )
    found: dict[str, set[tuple]] = {}
    with ctx.sessions() as session:
        rows = session.execute(
            query.join(cycles, cycles.c.id == notices.c.cycle_id).where(notices.c.state == "sent")
        )
        for learner_id, number, kind, offset, settled_at in rows:
            found.setdefault(learner_id, set()).add((number, kind, offset, (settled_at - start).days))
    return found


def check_events(ctx, learners) -> None:
    """One event per notice, naming the learner and their manager."""
    with ctx.sessions() as session:
        rows = session.execute(
            select(outbox.c.event_type, outbox.c.payload).where(outbox.c.event_type.in_(KIND_TYPES.values()))
        ).all()
    payloads = [json.loads(payload) for _, payload in rows]
    ids = [p["notice_id"] for p in payloads]
    assert len(ids) == len(set(ids)) == sum(len(learner.expected()) for learner in learners.values())
    assert all(p["manager_ids"] == [learners[p["learner_id"]].manager] for p in payloads)


def check_feed(world, learners) -> None:
    """Exactly one feed completion per completed cycle, with its cycle number."""
    items, cursor = [], "0"
    while True:
        page = world.client.get(
            f"/api/v1/completions?since={cursor}&limit=500", headers=world.token("hr1", "hr")
        )
        batch = page.get_json()
        items += batch["items"]
        if not batch["items"]:
            break
        cursor = batch["next_cursor"]
    got = sorted((i["learner_id"], i["cycle"]) for i in items)
    expected = sorted(
        (learner_id, n)
        for learner_id, learner in learners.items()
        for n, (_, _, done) in enumerate(learner.cycles, start=1)
        if done is not None and done <= DAYS
    )
    assert got == expected
    assert len({i["certificate_code"] for i in items}) == len(items)


def check_history(world, org, learners, start) -> None:
    """Every cycle in each learner's history, its dates and state; old certificates say they expired."""
    end, hr = org.clock.now, world.token("hr1", "hr")
    for learner_id, learner in learners.items():
        reply = world.client.get(f"/api/v1/learners/{learner_id}/certifications", headers=hr).get_json()
        assert [c["cycle"] for c in reply["items"]] == list(range(1, len(learner.cycles) + 1))
        for item, (_, due, done) in zip(reply["items"], learner.cycles, strict=True):
            if done is None or done > DAYS:
                assert item["completed_at"] is None
                assert item["state"] == ("overdue" if due < DAYS else "open")
                continue
            completed = start + timedelta(days=done)
            assert item["completed_at"] == completed.isoformat()
            assert item["valid_until"] == (completed + timedelta(days=PERIOD)).isoformat()
            certificate = world.client.get(f"/api/v1/certificates/{item['certificate_code']}").get_json()
            assert certificate["cycle"] == item["cycle"]
            assert certificate["expired"] == (end >= completed + timedelta(days=PERIOD))
            assert item["state"] == state_at(done, DAYS)
    someone = next(iter(learners))
    other_boss = world.token(
        org.id("boss9") if learners[someone].manager != org.id("boss9") else org.id("boss0")
    )
    assert (
        world.client.get(f"/api/v1/learners/{someone}/certifications", headers=other_boss).status_code == 403
    )
    own = world.token(learners[someone].manager)
    assert world.client.get(f"/api/v1/learners/{someone}/certifications", headers=own).status_code == 200


def state_at(done: int, day: int) -> str:
    if day < done + PERIOD - WINDOW:
        return "valid"
    return "expiring" if day < done + PERIOD + GRACE else "expired"
