"""Completion from events, exactly once, on PostgreSQL and the real broker."""

from __future__ import annotations

import uuid

import pytest

pytestmark = pytest.mark.integration
COMPLETED = "lms.progress.course.completed.v1"


def two_module_course(world, course_id=None):
    course_id = course_id or str(uuid.uuid4())
    world.publish_course(
        course_id,
        1,
        [
            {"id": "m1", "lessons": ["l1", "l2"], "assessment_id": "quiz-1"},
            {"id": "m2", "lessons": ["l3"], "assessment_id": "quiz-2"},
        ],
    )
    return course_id


def test_the_same_attempt_graded_three_times_completes_once(world):
    course_id = str(uuid.uuid4())
    world.publish_course(course_id, 1, [{"id": "m1", "lessons": ["l1"], "assessment_id": "quiz-1"}])
    enrolment = world.enrol("alice", course_id)
    world.complete("alice", enrolment["id"], "l1")

    first = world.grade("alice", "quiz-1")
    world.grade("alice", "quiz-1", event=first)
    world.grade("alice", "quiz-1", event=first)
    world.drain()

    view = world.client.get(f"/api/v1/enrolments/{enrolment['id']}", headers=world.token("alice", "learner"))
    assert view.get_json()["status"] == "completed"
    assert len(world.own_events(COMPLETED)) == 1
    assert len(world.own_events("lms.progress.module.completed.v1")) == 1


def test_a_course_completed_across_two_module_assessments_emits_one_course_completed(world):
    course_id = two_module_course(world)
    enrolment = world.enrol("bob", course_id)
    for lesson in ("l1", "l2", "l3"):
        world.complete("bob", enrolment["id"], lesson)
    world.grade("bob", "quiz-1", percent=0.8)
    world.drain()
    halfway = world.client.get(f"/api/v1/enrolments/{enrolment['id']}", headers=world.token("bob", "learner"))
    assert halfway.get_json()["explanation"] == ["M2: its assessment is not passed yet"]

    world.grade("bob", "quiz-2", passed=False, percent=0.4)
    world.grade("bob", "quiz-2", percent=1.0)
    world.grade("bob", "quiz-1", percent=0.9)  # a later, better pass changes nothing once completed
    world.drain()

    (event,) = world.own_events(COMPLETED)
    assert (event.data["enrolment_id"], event.data["score"]) == (enrolment["id"], 0.9)
    view = world.client.get(
        f"/api/v1/enrolments/{enrolment['id']}", headers=world.token("bob", "learner")
    ).get_json()
    assert view["status"] == "completed"
    assert view["certificate_code"] == event.data["certificate_code"]
    assert {a["assessment_id"] for a in view["evidence"]["attempts"]} == {"quiz-1", "quiz-2"}


def test_a_pass_before_enrolling_counts(world):
    course_id = str(uuid.uuid4())
    world.publish_course(course_id, 1, [{"id": "m1", "lessons": ["l1"], "assessment_id": "quiz-1"}])
    world.grade("carol", "quiz-1")
    world.drain()
    enrolment = world.enrol("carol", course_id)
    assert world.complete("carol", enrolment["id"], "l1")["status"] == "completed"


def test_an_enrolment_on_v1_stays_on_v1_when_v2_is_published_until_upgraded(world):
    course_id = str(uuid.uuid4())
    world.publish_course(course_id, 1, [{"id": "m1", "lessons": ["l1", "l2"]}])
    enrolment = world.enrol("dan", course_id)
    world.complete("dan", enrolment["id"], "l1")
    world.publish_course(
        course_id, 2, [{"id": "m1", "lessons": ["l1", "l9"]}, {"id": "m2", "lessons": ["l3"]}]
    )

    pinned = world.client.get(f"/api/v1/enrolments/{enrolment['id']}", headers=world.token("dan", "learner"))
    assert pinned.get_json()["course_version"] == 1
    assert world.enrol("erin", course_id)["course_version"] == 2
    missing = world.client.post(
        f"/api/v1/enrolments/{enrolment['id']}/lessons/l9/complete", headers=world.token("dan", "learner")
    )
    assert missing.status_code == 404

    upgraded = world.client.post(
        f"/api/v1/enrolments/{enrolment['id']}/upgrade", headers=world.token("dan", "learner")
    ).get_json()
    assert upgraded["course_version"] == 2
    assert [m["lessons_completed"] for m in upgraded["modules"]] == [1, 0]  # l1 kept


def test_enrolling_twice_is_409_with_the_existing_enrolment_and_unknown_courses_422(world):
    course_id = str(uuid.uuid4())
    world.publish_course(course_id, 1, [{"id": "m1", "lessons": ["l1"]}])
    first = world.enrol("fay", course_id)
    again = world.client.post(
        "/api/v1/enrolments", json={"course_id": course_id}, headers=world.token("fay", "learner")
    )
    assert (again.status_code, again.mimetype) == (409, "application/problem+json")
    assert again.get_json()["enrolment"]["id"] == first["id"]
    unknown = world.client.post(
        "/api/v1/enrolments", json={"course_id": "nope"}, headers=world.token("fay", "learner")
    )
    assert unknown.status_code == 422


def test_retired_courses_take_no_new_enrolments_but_existing_ones_continue(world):
    course_id = str(uuid.uuid4())
    world.publish_course(course_id, 1, [{"id": "m1", "lessons": ["l1"]}])
    enrolment = world.enrol("gus", course_id)
    world.send(
        "curriculum",
        "lms.curriculum.course.retired.v1",
        {"course_id": course_id, "retired_at": "2026-11-22T10:00:00+00:00"},
        course_id,
    )
    world.drain()
    late = world.client.post(
        "/api/v1/enrolments", json={"course_id": course_id}, headers=world.token("hal", "learner")
    )
    assert late.status_code == 422
    assert world.complete("gus", enrolment["id"], "l1")["status"] == "completed"


def test_learners_see_only_their_own_enrolments_and_hr_sees_all(world):
    course_id = str(uuid.uuid4())
    world.publish_course(course_id, 1, [{"id": "m1", "lessons": ["l1"]}])
    mine = world.enrol("ivy", course_id)
    other = world.client.get(f"/api/v1/enrolments/{mine['id']}", headers=world.token("jay", "learner"))
    assert other.status_code == 404
    hr = world.client.get(f"/api/v1/enrolments/{mine['id']}", headers=world.token("hr1", "hr"))
    assert hr.status_code == 200
    listing = world.client.get("/api/v1/enrolments?learner_id=ivy", headers=world.token("jay", "learner"))
    assert listing.status_code == 403
    assert world.client.get("/api/v1/completions", headers=world.token("ivy", "learner")).status_code == 403
    assigned = world.client.post(
        "/api/v1/enrolments",
        json={"course_id": course_id, "learner_id": "kim", "due_at": "2026-01-01T00:00:00Z"},
        headers=world.token("hr1", "hr"),
    )
    assert assigned.status_code == 201
    overdue = world.client.get("/api/v1/reports/overdue", headers=world.token("hr1", "hr")).get_json()[
        "items"
    ]
    assert [o["learner_id"] for o in overdue] == ["kim"]
