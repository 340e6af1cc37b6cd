"""Through the gateway, issue 12 section 5 for progress: read-your-writes and the xAPI resource."""

from __future__ import annotations

import json
import uuid

import pytest

from lms.tools.journeys import Learner, eventually

pytestmark = pytest.mark.integration


def one_lesson_package(slug: str) -> dict:
    lesson = {"key": "l1", "title": "Only lesson", "body": "Listen first."}
    return {"slug": slug, "title": f"Course {slug}", "summary": "e2e", "topics": ["e2e"],
            "modules": [{"key": "m1", "title": "Only module", "lessons": [lesson]}]}  # fmt: skip


def publish(suite, slug: str, body: str = "Listen first.") -> str:
    """Import and publish the package (again, over the same slug: its next version)."""
    package = one_lesson_package(slug)
    package["modules"][0]["lessons"][0]["body"] = body
    with suite.client("author-e2e", "author") as author:
        dry = author.post("/course-packages", params={"dry_run": "true"}, json=package)
        precondition = {"If-Match": dry.headers["ETag"]} if "ETag" in dry.headers else {}
        response = author.post(
            "/course-packages", params={"publish": "true"}, json=package, headers=precondition
        )
    assert response.status_code in (200, 201), response.text
    return response.json()["course_id"]


def test_enrolling_the_moment_a_course_is_published_works_while_its_event_is_in_flight(suite):
    consumer = suite.processes["progress-consume"]
    consumer.kill()  # course.published cannot reach progress's copy now
    try:
        course_id = publish(suite, f"eager-{uuid.uuid4().hex[:6]}")
        with suite.client("eager-learner", "learner") as learner:
            enrolled = learner.post("/enrolments", json={"course_id": course_id})
            assert enrolled.status_code == 201, enrolled.text
            lesson_id = learner.get(f"/courses/{course_id}").json()["modules"][0]["lessons"][0]["id"]
            done = learner.post(f"/enrolments/{enrolled.json()['id']}/lessons/{lesson_id}/complete")
            assert done.json()["status"] == "completed"
    finally:
        consumer.start()


def test_enrolling_the_moment_a_course_is_published_again_pins_the_version_just_published(suite):
    slug = f"again-{uuid.uuid4().hex[:6]}"
    course_id = publish(suite, slug)
    with suite.client("hr-e2e", "hr") as hr:  # progress's own copy holds version 1, from its event
        eventually(lambda: hr.get(f"/reports/courses/{course_id}").status_code == 200, 90)
    consumer = suite.processes["progress-consume"]
    consumer.kill()  # version 2's course.published cannot reach progress's copy now
    try:
        assert publish(suite, slug, body="Listen, then ask.") == course_id
        with suite.client("again-learner", "learner") as learner:
            enrolled = learner.post("/enrolments", json={"course_id": course_id})
            assert enrolled.status_code == 201, enrolled.text
            assert enrolled.json()["course_version"] == 2
    finally:
        consumer.start()


def test_xapi_statements_answer_a_reading_lrs_client(suite):
    course_id = publish(suite, f"xapi-{uuid.uuid4().hex[:6]}")
    for learner_id in ("xapi-one", "xapi-two"):
        with suite.client(learner_id, "learner") as learner:
            enrolment = Learner(learner).enrol(course_id)
            lesson_id = learner.get(f"/courses/{course_id}").json()["modules"][0]["lessons"][0]["id"]
            learner.post(f"/enrolments/{enrolment['id']}/lessons/{lesson_id}/complete").raise_for_status()
    with suite.client("hr-e2e", "hr") as hr, suite.client("hr-e2e", "hr", root=True) as root:
        page = hr.get("/xapi/statements", params={"since": "2020-01-01T00:00:00Z", "limit": 1})
        assert page.status_code == 200, page.text
        assert page.headers["X-Experience-API-Version"] == "1.0.3"
        (statement,) = page.json()["statements"]
        assert statement["stored"]
        assert statement["timestamp"]
        more = page.json()["more"]
        assert more.startswith("/api/v1/xapi/statements?")
        assert root.get(more).json()["statements"][0]["id"] != statement["id"]
        agent = json.dumps({"account": {"homePage": "https://lms.example", "name": "xapi-two"}})
        mine = hr.get(
            "/xapi/statements",
            params={"agent": agent, "activity": f"https://lms.example/courses/{course_id}"},
        )
        assert [s["actor"]["account"]["name"] for s in mine.json()["statements"]] == ["xapi-two"]
