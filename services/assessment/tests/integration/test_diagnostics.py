"""Diagnostics: per-competency scores, and modules recommended from curriculum's published courses."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from lms.assessment.db import course_modules, courses
from lms.assessment.definition import DEFINITION
from lms.kit.cloudevents import CloudEvent
from lms.kit.kafka_admin import TopicSpec, ensure_topics
from lms.kit.messaging import inbox, outbox
from lms.kit.service import consumer_for
from lms.testing.events import send_event
from lms.testing.ledger import wait_for

pytestmark = pytest.mark.integration

LIKERT = [
    ("d1", "listening"),
    ("d2", "listening"),
    ("d3", "boundaries"),
    ("d4", "boundaries"),
    ("d5", "recovery"),
]


def diagnostic(slug: str) -> dict:
    items = [
        {"id": i, "kind": "likert", "prompt": f"I can {c}.", "scale": 5, "competency": c} for i, c in LIKERT
    ]
    return {
        "slug": slug,
        "title": "Where are you now?",
        "kind": "diagnostic",
        "pass_mark": 0,
        "max_attempts": None,
        "shuffle": False,
        "recommend_below": 0.6,
        "items": items,
    }


def course_published(course_id: str, version: int, published_at: datetime | None = None) -> CloudEvent:
    modules = [
        {
            "module_id": f"{course_id}-m{n}",
            "position": n,
            "title": title,
            "required": True,
            "competencies": comps,
            "assessment_id": None,
            "lessons": [
                {"lesson_id": f"l{n}", "position": 0, "title": "L", "kind": "text", "duration_min": 5}
            ],
        }
        for n, (title, comps) in enumerate(
            [
                ("Hearing the person", ["listening"]),
                ("Warm boundaries", ["boundaries"]),
                ("Recovering", ["recovery"]),
            ]
        )
    ]
    data = {
        "course_id": course_id,
        "slug": course_id,
        "title": "Questioning skills",
        "version": version,
        "published_at": (published_at or datetime.now(UTC)).isoformat(),
        "modules": modules,
    }
    return CloudEvent.new("lms.curriculum.course.published.v1", "/curriculum", data, subject=course_id)


def course_retired(course_id: str) -> CloudEvent:
    data = {"course_id": course_id, "retired_at": datetime.now(UTC).isoformat()}
    return CloudEvent.new("lms.curriculum.course.retired.v1", "/curriculum", data, subject=course_id)


@pytest.fixture
def deliver(settings, kafka):
    """Produce curriculum events for real and run the service's inbox consumer until `until()` holds."""
    topic = settings.topic_of("curriculum")
    ensure_topics(kafka.bootstrap, [TopicSpec(topic, 3)])
    consumer = consumer_for(DEFINITION, settings)

    def send(*cloud_events: CloudEvent, until) -> None:
        for event in cloud_events:
            send_event(kafka.bootstrap, topic, event, key=event.data["course_id"])
        assert wait_for(lambda: consumer.poll_once(timeout_ms=500) >= 0 and until(), 60)
        while consumer.poll_once(timeout_ms=1000):
            pass

    yield send
    consumer.close()


def scalar(engine, query):
    with engine.connect() as conn:
        return conn.scalar(query)


def modules_of(engine, course_id: str) -> int:
    return scalar(engine, select(func.count()).where(course_modules.c.course_id == course_id))


def outbox_payloads(engine, event_type: str) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.scalars(select(outbox.c.payload).where(outbox.c.event_type == event_type)).all()
    return [json.loads(row) for row in rows]


def take(api, users, aid: str, values: dict[str, int]):
    attempt_id = api.post(f"/assessments/{aid}/attempts", users["ann"]).get_json()["attempt_id"]
    answers = [{"item_id": i, "value": v} for i, v in values.items()]
    return api.post(f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": answers})


def test_a_diagnostic_recommends_modules_of_published_courses_for_weak_competencies(
    api, users, publish, unique, deliver, engine
):
    course_id = unique("course")
    deliver(
        course_published(course_id, 1),
        course_published(course_id, 2),
        until=lambda: modules_of(engine, course_id) == 6,
    )
    aid = publish(diagnostic(unique("diag")))
    graded = take(api, users, aid, {"d1": 1, "d2": 3, "d3": 5, "d4": 4, "d5": 3})
    assert graded.status_code == 200, graded.get_json()
    body = graded.get_json()
    assert body["competency_scores"]["listening"] == {"score": 0.5, "max_score": 2.0, "percent": 0.25}
    assert body["competency_scores"]["boundaries"]["percent"] == 0.875
    assert [(m["competency"], m["module_id"], m["course_version"]) for m in body["recommended_modules"]] == [
        ("listening", f"{course_id}-m0", 2),
        ("recovery", f"{course_id}-m2", 2),
    ]
    assert body["recommended_modules"][0]["title"] == "Hearing the person"

    [graded_event] = outbox_payloads(engine, "lms.assessment.attempt.graded.v1")
    assert (graded_event["assessment_kind"], graded_event["passed"]) == ("diagnostic", True)
    [completed] = outbox_payloads(engine, "lms.assessment.diagnostic.completed.v1")
    assert [m["module_id"] for m in completed["recommended_modules"]] == [
        f"{course_id}-m0",
        f"{course_id}-m2",
    ]
    assert completed["competency_scores"] == body["competency_scores"]


def test_a_redelivered_course_event_is_applied_once_and_a_retired_course_is_not_recommended(
    api, users, publish, unique, deliver, engine
):
    course_id = unique("course")
    event = course_published(course_id, 1)
    deliver(event, event, until=lambda: modules_of(engine, course_id) == 3)
    assert scalar(engine, select(func.count()).select_from(inbox)) == 1
    retired = select(courses.c.retired_at).where(courses.c.course_id == course_id)
    deliver(course_retired(course_id), until=lambda: scalar(engine, retired) is not None)
    aid = publish(diagnostic(unique("diag")))
    assert take(api, users, aid, {"d1": 1, "d2": 1}).get_json()["recommended_modules"] == []


def recommended_of(api, users, attempt_id: str) -> list[tuple[str, str]]:
    result = api.get(f"/attempts/{attempt_id}", users["ann"]).get_json()["result"]
    return [(m["competency"], m["module_id"]) for m in result["recommended_modules"]]


def test_a_diagnostic_graded_before_the_course_event_arrives_is_recommended_when_it_does(
    api, users, publish, unique, deliver, engine
):
    course_id = unique("course")
    published_at = datetime.now(UTC)  # the course exists; its event is still in flight
    aid = publish(diagnostic(unique("diag")))
    graded = take(api, users, aid, {"d1": 1, "d2": 3, "d3": 5, "d4": 4, "d5": 3}).get_json()
    assert graded["recommended_modules"] == []

    deliver(
        course_published(course_id, 1, published_at),
        until=lambda: len(outbox_payloads(engine, "lms.assessment.diagnostic.completed.v1")) == 2,
    )
    expected = [("listening", f"{course_id}-m0"), ("recovery", f"{course_id}-m2")]
    assert recommended_of(api, users, graded["attempt_id"]) == expected
    first, revised = outbox_payloads(engine, "lms.assessment.diagnostic.completed.v1")
    assert first["recommended_modules"] == []
    assert revised["attempt_id"] == first["attempt_id"] == graded["attempt_id"]
    assert [(m["competency"], m["module_id"]) for m in revised["recommended_modules"]] == expected
    assert revised["competency_scores"] == first["competency_scores"]
    assert len(outbox_payloads(engine, "lms.assessment.attempt.graded.v1")) == 1


def test_a_course_published_after_the_diagnostic_leaves_it_as_it_was(
    api, users, publish, unique, deliver, engine
):
    course_id = unique("course")
    aid = publish(diagnostic(unique("diag")))
    graded = take(api, users, aid, {"d1": 1, "d2": 1}).get_json()
    later = datetime.now(UTC) + timedelta(minutes=5)  # published after the diagnostic was graded
    deliver(course_published(course_id, 1, later), until=lambda: modules_of(engine, course_id) == 3)
    assert recommended_of(api, users, graded["attempt_id"]) == []
    assert len(outbox_payloads(engine, "lms.assessment.diagnostic.completed.v1")) == 1
