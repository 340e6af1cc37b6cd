"""A renewal is a fresh enrolment: evidence from before it opened does not count for it."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from lms.progress.db import cycles
from lms.progress.processes.scheduler import Scheduler

pytestmark = pytest.mark.integration


def pass_quiz(world, learner: str, assessment_id: str, submitted_at: datetime) -> None:
    data = {
        "attempt_id": str(uuid.uuid4()),
        "learner_id": learner,
        "assessment_id": assessment_id,
        "assessment_version": 1,
        "assessment_kind": "quiz",
        "score": 9,
        "max_score": 10,
        "percent": 0.9,
        "passed": True,
        "competency_scores": {},
        "submitted_at": submitted_at.isoformat(),
    }
    world.send("assessment", "lms.assessment.attempt.graded.v1", data, learner)
    world.drain()


def history(world, learner: str) -> list[dict]:
    reply = world.client.get(f"/api/v1/learners/{learner}/certifications", headers=world.token("hr1", "hr"))
    return reply.get_json()["items"]


def test_a_renewal_counts_only_attempts_submitted_after_it_opened(world, compliance_org):
    org = compliance_org
    ctx = world.client.application.extensions["lms.progress"]
    quiz, tag = str(uuid.uuid4()), uuid.uuid4().hex[:6]
    world.publish_course(
        org.course_id, 2, [{"id": f"q-{tag}", "lessons": [f"r-{tag}"], "assessment_id": quiz}]
    )
    org.clock.now = datetime.now(UTC)
    org.person("boss")
    org.person("rae", manager="boss")
    org.team("ops", ["rae"], manager="boss")
    world.drain()
    org.assign("ops", due_in_days=20, recertify_every_days=60, window_days=20)
    rae = org.id("rae")
    with ctx.sessions() as session:
        first = session.scalar(select(cycles.c.enrolment_id).where(cycles.c.learner_id == rae))
    world.complete(rae, first, f"r-{tag}")
    pass_quiz(world, rae, quiz, org.clock.now)
    (done,) = history(world, rae)
    assert (done["cycle"], done["course_version"], done["state"]) == (1, 2, "valid")

    org.clock.now += timedelta(days=41)
    Scheduler(ctx).tick()
    with ctx.sessions() as session:
        renewal = session.scalar(
            select(cycles.c.enrolment_id).where(cycles.c.learner_id == rae, cycles.c.cycle == 2)
        )
    world.complete(rae, renewal, f"r-{tag}")
    assert [c["state"] for c in history(world, rae)] == ["expiring", "open"]  # the old pass is not evidence
    listed = world.client.get(f"/api/v1/assignments?learner_id={rae}", headers=world.token(rae, "learner"))
    (assignment,) = listed.get_json()["items"]
    assert (assignment["current_cycle"]["cycle"], assignment["current_cycle"]["state"]) == (2, "open")

    pass_quiz(world, rae, quiz, org.clock.now + timedelta(minutes=5))
    first_cycle, second = history(world, rae)
    assert second["completed_at"] is not None  # completed by the consumer, on the real clock
    assert second["certificate_code"] not in (None, first_cycle["certificate_code"])
    old = world.client.get(f"/api/v1/certificates/{first_cycle['certificate_code']}").get_json()
    assert (old["cycle"], old["valid_until"]) == (1, first_cycle["valid_until"])
