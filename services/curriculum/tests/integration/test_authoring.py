"""Authoring through the API on PostgreSQL, with events on the real broker."""

from __future__ import annotations

import pytest

from lms.contracts import default_registry
from lms.curriculum.consumers import handlers
from lms.kit.cloudevents import CloudEvent
from lms.kit.db import make_engine, make_session_factory
from lms.kit.inbox import InboxConsumer
from lms.testing.events import send_event
from lms.testing.ledger import wait_for

pytestmark = pytest.mark.integration
PUBLISHED = "lms.curriculum.course.published.v1"


def new_course(c, slug="coping", **fields):
    body = {
        "slug": slug,
        "title": "Emotional coping",
        "summary": "Coping with the load",
        "topics": ["wellbeing"],
        "competencies": ["self-care"],
        **fields,
    }
    response = c.client.post("/api/v1/courses", json=body, headers=c.as_("ann", "author"))
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"], response.headers["ETag"]


def add_module(c, course_id, etag, title="Noticing", body="Notice what you carry.", **extra):
    module = {
        "title": title,
        "competencies": ["noticing"],
        "lessons": [{"title": "What you carry", "body": body, "kind": "text", "duration_min": 7}],
        **extra,
    }
    response = c.client.post(
        f"/api/v1/courses/{course_id}/modules",
        json=module,
        headers=c.as_("ann", "author", **{"If-Match": etag}),
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json(), response.headers["ETag"]


def publish(c, course_id):
    return c.client.post(f"/api/v1/courses/{course_id}/publish", headers=c.as_("ann", "author"))


def test_publishing_twice_gives_versions_1_and_2_and_version_1_never_changes(curriculum):
    c = curriculum
    course_id, etag = new_course(c)
    module, etag = add_module(c, course_id, etag, body="First wording.")
    assert publish(c, course_id).get_json()["version"] == 1

    lesson = dict(module["lessons"][0], body="Second wording.")
    response = c.client.patch(
        f"/api/v1/courses/{course_id}/modules/{module['id']}",
        json={"lessons": [lesson]},
        headers=c.as_("ann", "author", **{"If-Match": etag}),
    )
    assert response.status_code == 200
    second = publish(c, course_id)
    assert (second.status_code, second.get_json()["version"]) == (201, 2)

    learner = c.as_("lee", "learner")
    v1 = c.client.get(f"/api/v1/courses/{course_id}?version=1", headers=learner).get_json()
    latest = c.client.get(f"/api/v1/courses/{course_id}", headers=learner).get_json()
    assert v1["modules"][0]["lessons"][0]["body"] == "First wording."
    assert (latest["version"], latest["modules"][0]["lessons"][0]["body"]) == (2, "Second wording.")
    assert latest["modules"][0]["lessons"][0]["id"] == v1["modules"][0]["lessons"][0]["id"] == lesson["id"]
    versions = c.client.get(f"/api/v1/courses/{course_id}/versions", headers=learner).get_json()
    assert [v["version"] for v in versions] == [1, 2]


def test_the_published_event_validates_and_carries_the_whole_structure(curriculum):
    c = curriculum
    course_id, etag = new_course(c)
    first, etag = add_module(c, course_id, etag, title="Noticing")
    second, etag = add_module(c, course_id, etag, title="Recovering", required=False)
    assert publish(c, course_id).status_code == 201

    (event,) = [e for e in c.published_events() if e.type == PUBLISHED]
    default_registry().validate(PUBLISHED, event.data)
    assert (event.data["course_id"], event.data["version"], event.subject) == (course_id, 1, course_id)
    modules = event.data["modules"]
    assert [m["module_id"] for m in modules] == [first["id"], second["id"]]
    assert [m["required"] for m in modules] == [True, False]
    assert modules[0]["competencies"] == ["noticing"]
    assert modules[0]["lessons"][0]["lesson_id"] == first["lessons"][0]["id"]


def test_a_stale_if_match_gets_412_and_changes_nothing(curriculum):
    c = curriculum
    course_id, etag = new_course(c)
    shared = c.client.put(
        f"/api/v1/courses/{course_id}/collaborators",
        json={"collaborators": ["bob"]},
        headers=c.as_("ann", "author"),
    )
    assert shared.status_code == 200  # bob may edit: what stops him below is only the stale ETag
    c.client.patch(
        f"/api/v1/courses/{course_id}",
        json={"title": "Renamed"},
        headers=c.as_("ann", "author", **{"If-Match": etag}),
    )

    stale = c.client.patch(
        f"/api/v1/courses/{course_id}",
        json={"title": "Lost update"},
        headers=c.as_("bob", "author", **{"If-Match": etag}),
    )
    missing = c.client.patch(
        f"/api/v1/courses/{course_id}", json={"title": "Blind write"}, headers=c.as_("bob", "author")
    )

    assert (stale.status_code, stale.mimetype) == (412, "application/problem+json")
    assert missing.status_code == 428
    draft = c.client.get(f"/api/v1/courses/{course_id}?version=draft", headers=c.as_("ann", "author"))
    assert draft.get_json()["title"] == "Renamed"


def test_bad_bodies_get_422_problems_naming_the_fields(curriculum):
    c = curriculum
    response = c.client.post(
        "/api/v1/courses",
        json={"slug": "Not A Slug!", "title": "", "colour": "red"},
        headers=c.as_("ann", "author"),
    )
    assert (response.status_code, response.mimetype) == (422, "application/problem+json")
    assert set(response.get_json()["errors"]) == {"slug", "title", "colour"}
    listing = c.client.get("/api/v1/courses?status=draft", headers=c.as_("ann", "author")).get_json()
    assert listing["total"] == 0


def test_publishing_an_invalid_draft_lists_every_problem(curriculum):
    c = curriculum
    course_id, etag = new_course(c)
    response = c.client.post(
        f"/api/v1/courses/{course_id}/modules",
        json={"title": "Empty", "lessons": [], "assessment_slug": "nowhere-quiz"},
        headers=c.as_("ann", "author", **{"If-Match": etag}),
    )
    assert response.status_code == 201
    problem = publish(c, course_id)
    assert problem.status_code == 422
    assert problem.get_json()["errors"]["modules[0]"] == [
        "module 'Empty' has no lessons",
        "module 'Empty' refers to assessment 'nowhere-quiz', which is not published",
    ]
    assert (
        c.client.get(f"/api/v1/courses/{course_id}/versions", headers=c.as_("ann", "author")).get_json() == []
    )


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/v1/courses"),
        ("patch", "/api/v1/courses/{id}"),
        ("post", "/api/v1/courses/{id}/modules"),
        ("post", "/api/v1/courses/{id}/publish"),
        ("post", "/api/v1/courses/{id}/retire"),
        ("post", "/api/v1/course-packages"),
        ("get", "/api/v1/courses/{id}/package"),
    ],
)
def test_a_learner_token_cannot_write(curriculum, method, path):
    c = curriculum
    course_id, etag = new_course(c)
    response = getattr(c.client, method)(
        path.format(id=course_id),
        json={"slug": "x", "title": "x"},
        headers=c.as_("lee", "learner", **{"If-Match": etag}),
    )
    assert (response.status_code, response.mimetype) == (403, "application/problem+json")


def test_no_token_is_401(curriculum):
    assert curriculum.client.get("/api/v1/courses").status_code == 401


def test_assessments_become_known_from_their_published_events(curriculum, unique):
    c = curriculum
    consumer = InboxConsumer(
        session_factory=make_session_factory(make_engine(c.settings.database_url)),
        bootstrap=c.settings.kafka_bootstrap,
        group=unique("curriculum"),
        topics=[c.settings.topic_of("assessment")],
        handlers=handlers(c.settings),
    )
    data = {
        "assessment_id": "quiz-1",
        "slug": "coping-m1-quiz",
        "title": "Quiz",
        "kind": "quiz",
        "version": 1,
        "pass_mark": 0.7,
        "max_score": 10,
        "competencies": ["noticing"],
        "published_at": "2026-11-22T10:00:00Z",
    }
    event = CloudEvent.new("lms.assessment.assessment.published.v1", "/assessment", data, subject="quiz-1")
    send_event(c.settings.kafka_bootstrap, c.settings.topic_of("assessment"), event, key="quiz-1")
    course_id, etag = new_course(c)
    add_module(c, course_id, etag, assessment_slug="coping-m1-quiz")
    try:
        assert wait_for(lambda: consumer.poll_once(300) >= 0 and publish(c, course_id).status_code == 201, 30)
    finally:
        consumer.close()
    course = c.client.get(f"/api/v1/courses/{course_id}", headers=c.as_("lee", "learner")).get_json()
    assert course["modules"][0]["assessment_id"] == "quiz-1"


def test_retiring_hides_the_course_and_emits_retired(curriculum):
    c = curriculum
    course_id, etag = new_course(c)
    add_module(c, course_id, etag)
    publish(c, course_id)
    learner = c.as_("lee", "learner")
    assert c.client.get("/api/v1/courses", headers=learner).get_json()["total"] == 1

    assert (
        c.client.post(f"/api/v1/courses/{course_id}/retire", headers=c.as_("ann", "author")).status_code
        == 200
    )
    assert c.client.get("/api/v1/courses", headers=learner).get_json()["total"] == 0
    assert c.client.get(f"/api/v1/courses/{course_id}", headers=learner).get_json()["status"] == "retired"
    assert [e.type for e in c.published_events()] == [PUBLISHED, "lms.curriculum.course.retired.v1"]


def test_numbers_past_what_a_column_holds_are_refused_and_change_nothing(curriculum):
    c = curriculum
    course_id, etag = new_course(c, slug="bounds")
    add_module(c, course_id, etag)
    assert publish(c, course_id).status_code == 201
    learner = c.as_("lee", "learner")
    for version in ("99999999999", "372328444393591341056"):
        response = c.client.get(f"/api/v1/courses/{course_id}?version={version}", headers=learner)
        assert (response.status_code, response.mimetype) == (422, "application/problem+json"), version
    draft = c.client.get(f"/api/v1/courses/{course_id}?version=draft", headers=c.as_("ann", "author"))
    refused = c.client.post(
        f"/api/v1/courses/{course_id}/modules",
        json={"title": "Far away", "lessons": [], "position": 2**40},
        headers=c.as_("ann", "author", **{"If-Match": draft.headers["ETag"]}),
    )
    assert (refused.status_code, refused.mimetype) == (422, "application/problem+json")
    after = c.client.get(f"/api/v1/courses/{course_id}?version=draft", headers=c.as_("ann", "author"))
    assert after.get_json() == draft.get_json()
