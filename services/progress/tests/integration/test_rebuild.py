"""`lms.progress rebuild`: the read models from the topics alone equal the live ones."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import func, select

from lms.kit.db import make_engine
from lms.kit.migrations import packaged
from lms.kit.outbox import outbox
from lms.kit.relay import OutboxRelay
from lms.progress.app import channels_of
from lms.progress.db import (
    attempts,
    completions,
    enrolments,
    lesson_completions,
    module_completions,
    xapi_statements,
)
from lms.progress.processes.rebuild import rebuild

pytestmark = pytest.mark.integration
MIGRATIONS = packaged("lms.progress")


def snapshot(url: str) -> dict:
    engine = make_engine(url)
    with engine.connect() as conn:

        def rows(table, *columns, order):
            return [tuple(r) for r in conn.execute(select(*columns).order_by(*order))]

        state = {
            "completions": rows(
                completions,
                completions.c.id,
                completions.c.enrolment_id,
                completions.c.learner_id,
                completions.c.course_id,
                completions.c.course_version,
                completions.c.completed_at,
                completions.c.score,
                completions.c.certificate_code,
                order=[completions.c.id],
            ),
            "enrolments": rows(
                enrolments,
                enrolments.c.id,
                enrolments.c.course_version,
                enrolments.c.status,
                enrolments.c.percent,
                enrolments.c.completed_at,
                enrolments.c.learner_name,
                order=[enrolments.c.id],
            ),
            "lessons": rows(
                lesson_completions,
                lesson_completions.c.enrolment_id,
                lesson_completions.c.lesson_id,
                order=[lesson_completions.c.enrolment_id, lesson_completions.c.lesson_id],
            ),
            "modules": rows(
                module_completions,
                module_completions.c.enrolment_id,
                module_completions.c.module_id,
                module_completions.c.score,
                order=[module_completions.c.enrolment_id, module_completions.c.module_id],
            ),
            "attempts": rows(
                attempts, attempts.c.attempt_id, attempts.c.passed, order=[attempts.c.attempt_id]
            ),
            "xapi": rows(xapi_statements, xapi_statements.c.id, order=[xapi_statements.c.id]),
        }
    engine.dispose()
    return state


def test_rebuilding_from_the_topics_reproduces_the_same_completions(world, postgres, run_id):
    course_id = str(uuid.uuid4())
    world.publish_course(
        course_id,
        1,
        [{"id": "m1", "lessons": ["l1", "l2"], "assessment_id": "quiz-1"}, {"id": "m2", "lessons": ["l3"]}],
    )
    for n in range(6):
        learner = f"learner-{n}"
        enrolment = world.enrol(learner, course_id)
        for lesson in ("l1", "l2", "l3")[: 1 + n % 3]:
            world.complete(learner, enrolment["id"], lesson)
        world.grade(learner, "quiz-1", passed=n != 3, percent=0.5 + n / 20)
    world.publish_course(course_id, 2, [{"id": "m1", "lessons": ["l1"]}])
    upgraded = world.enrol("learner-late", course_id)
    world.drain()
    world.client.post(
        f"/api/v1/enrolments/{upgraded['id']}/upgrade", headers=world.token("learner-late", "learner")
    )
    live = snapshot(world.settings.database_url)
    assert len(live["completions"]) >= 2, "the scenario should complete some enrolments"
    OutboxRelay(make_engine(world.settings.database_url), world.settings.kafka_bootstrap).publish_batch()

    target = postgres.create_database(f"t_{run_id}_rebuilt_{uuid.uuid4().hex[:6]}")
    rebuild(world.settings, target, MIGRATIONS, channels_of(world.settings, os.environ), progress_bar=False)

    assert snapshot(target) == live
    with make_engine(target).connect() as conn:  # the replay announced nothing again
        assert conn.scalar(select(func.count()).select_from(outbox)) == 0
