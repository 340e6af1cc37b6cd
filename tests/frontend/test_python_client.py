"""The generated Python client (clients/python) drives a learner's and an HR system's path
against the e2e suite: typed models in, typed models or a `Problem` out."""

from __future__ import annotations

import sys
import time
import uuid
from collections.abc import Callable
from typing import TypeVar

import pytest

from .conftest import ROOT, SLUG

sys.path.insert(0, str(ROOT / "clients" / "python"))

from lms_client import AuthenticatedClient, Client
from lms_client.api.attempts import start_attempt, submit_attempt, take_scenario_step
from lms_client.api.courses import get_course, list_courses
from lms_client.api.enrolments import complete_lesson, create_enrolment, get_enrolment
from lms_client.api.hr import export_completions_csv, list_completions, verify_certificate
from lms_client.models import EnrolmentIn, Problem, StartIn, SubmitIn, WalkIn

pytestmark = pytest.mark.integration
T = TypeVar("T")


def eventually(check: Callable[[], T | None], timeout_s: float = 60) -> T:
    deadline = time.monotonic() + timeout_s
    while (value := check()) is None or value is False:
        assert time.monotonic() < deadline, "condition not met within the deadline"
        time.sleep(0.25)
    return value


def as_(suite, sub: str, role: str) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=suite.url, token=suite.token(sub, role), timeout=30)


def take(client: AuthenticatedClient, quiz_id: str, answers: list[dict]) -> bool:
    attempt = start_attempt.sync(quiz_id, client=client, body=StartIn())
    key = str(uuid.uuid4())
    body = SubmitIn.from_dict({"responses": answers})
    first = submit_attempt.sync(attempt.attempt_id, client=client, body=body, idempotency_key=key)
    again = submit_attempt.sync(attempt.attempt_id, client=client, body=body, idempotency_key=key)
    assert again.to_dict() == first.to_dict(), "a retried submit with the same key answers the first result"
    return bool(first.passed)


def read_every_lesson(client: AuthenticatedClient, course_id: str, enrolment_id: str) -> None:
    course = get_course.sync(course_id, client=client)
    for lesson in (lesson for module in course.modules for lesson in module.lessons):
        assert complete_lesson.sync_detailed(enrolment_id, lesson.id, client=client).status_code == 200


def test_a_learner_searches_enrols_fails_then_passes_and_the_certificate_verifies(suite, frontend_course):
    learner = as_(suite, "py-learner", "learner")
    page = list_courses.sync(client=learner, q="complaint", page_size=5)
    (summary,) = [c for c in page.items if c.slug == SLUG]
    enrolment_id = create_enrolment.sync(client=learner, body=EnrolmentIn(course_id=summary.id)).id
    read_every_lesson(learner, summary.id, enrolment_id)

    again = create_enrolment.sync_detailed(client=learner, body=EnrolmentIn(course_id=summary.id))
    assert again.status_code == 409

    attempt = start_attempt.sync(frontend_course.quiz_id, client=learner, body=StartIn())
    scenario = next(item for item in attempt.items if item["kind"] == "scenario")
    step = take_scenario_step.sync(
        attempt.attempt_id, client=learner, body=WalkIn(item_id=scenario["id"], option_ids=["o1"])
    )
    assert step.ended is False
    assert take(learner, frontend_course.quiz_id, frontend_course.answers["worst"]) is False
    assert take(learner, frontend_course.quiz_id, frontend_course.answers["best"]) is True

    done = eventually(
        lambda: (e := get_enrolment.sync(enrolment_id, client=learner)).status == "completed" and e
    )
    certificate = verify_certificate.sync(done.certificate_code, client=Client(base_url=suite.url))
    assert certificate.course == summary.title


def test_hr_assigns_the_course_and_reads_the_completion_from_the_paged_feed_and_the_csv(
    suite, frontend_course
):
    hr = as_(suite, "py-hr", "hr")
    learner = as_(suite, "py-assigned", "learner")
    body = EnrolmentIn(course_id=frontend_course.course_id, learner_id="py-assigned")
    enrolment_id = create_enrolment.sync(client=hr, body=body).id
    read_every_lesson(learner, frontend_course.course_id, enrolment_id)
    assert take(learner, frontend_course.quiz_id, frontend_course.answers["best"]) is True

    def find() -> str | None:
        since = None
        while True:
            page = list_completions.sync(client=hr, since=since, limit=2)
            mine = [c for c in page.items if c.enrolment_id == enrolment_id]
            if mine:
                return mine[0].certificate_code
            if not page.items:
                return None
            since = int(page.next_cursor)

    code = eventually(find)
    assert code in export_completions_csv.sync_detailed(client=hr).content.decode()


def test_a_refusal_comes_back_as_a_problem_with_a_sentence(suite, frontend_course):
    hr = as_(suite, "py-hr", "hr")
    refused = start_attempt.sync(frontend_course.quiz_id, client=hr, body=StartIn())
    assert isinstance(refused, Problem)
    assert refused.status == 403
    assert len(refused.detail) > 10
