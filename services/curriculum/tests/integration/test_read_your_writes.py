"""An assessment published a moment ago counts, though its event has not reached the curriculum yet.

The real assessment app (its own PostgreSQL database) answers the curriculum's lookup; no
consumer runs, so the local copy of published assessments starts empty.
"""

from __future__ import annotations

import httpx
import pytest

from lms.assessment.app import create_app as create_assessment_app
from lms.assessment.definition import MIGRATIONS_DIR as ASSESSMENT_MIGRATIONS
from lms.curriculum.service.assessment_lookup import AssessmentLookup
from lms.kit.config import Settings
from lms.kit.migrations import upgrade

pytestmark = pytest.mark.integration
QUIZ = {
    "slug": "fresh-quiz",
    "title": "Fresh quiz",
    "kind": "quiz",
    "pass_mark": 0.5,
    "max_attempts": None,
    "shuffle": False,
    "items": [
        {
            "id": "q1",
            "kind": "single_choice",
            "prompt": "Which?",
            "points": 1,
            "options": [
                {"id": "a", "text": "A", "correct": True},
                {"id": "b", "text": "B", "correct": False},
            ],
        }
    ],
}


@pytest.fixture
def assessment(curriculum, postgres, unique):
    """The assessment app on its own database, reached by the curriculum's lookup in-process."""
    name = unique("t_assessment").replace("-", "_")
    url = postgres.create_database(name)
    upgrade(url, ASSESSMENT_MIGRATIONS)
    settings = Settings(service="assessment", database_url=url, jwt=curriculum.settings.jwt)
    app = create_assessment_app(settings)
    lookup = AssessmentLookup("http://assessment.test", transport=httpx.WSGITransport(app=app))
    curriculum.client.application.extensions["lms.curriculum"].lookup = lookup
    yield app.test_client()
    postgres.drop_database(name)


def published_quiz(curriculum, assessment, definition: dict, *, publish: bool = True) -> str:
    author = curriculum.as_("ann", "author")
    created = assessment.post("/api/v1/assessments", json=definition, headers=author)
    assert created.status_code == 201, created.get_json()
    if publish:
        published = assessment.post(f"/api/v1/assessments/{created.get_json()['id']}/publish", headers=author)
        assert published.status_code == 201, published.get_json()
    return created.get_json()["id"]


def course_using(curriculum, slug: str, quiz_slug: str):
    package = {
        "slug": slug,
        "title": "Uses a fresh quiz",
        "modules": [
            {
                "key": "m1",
                "title": "M1",
                "assessment_slug": quiz_slug,
                "lessons": [{"key": "l1", "title": "L1", "body": "Text."}],
            }
        ],
    }
    return curriculum.client.post(
        "/api/v1/course-packages?publish=true", json=package, headers=curriculum.as_("ann", "author")
    )


def test_a_course_publishes_at_once_with_an_assessment_published_just_before(curriculum, assessment):
    quiz_id = published_quiz(curriculum, assessment, QUIZ)
    response = course_using(curriculum, "fresh-course", QUIZ["slug"])
    assert (response.status_code, response.get_json()["published_version"]) == (201, 1)
    course = curriculum.client.get(
        f"/api/v1/courses/{response.get_json()['course_id']}", headers=curriculum.as_("lee", "learner")
    )
    assert course.get_json()["modules"][0]["assessment_id"] == quiz_id


def test_an_assessment_that_is_only_a_draft_still_blocks_publishing(curriculum, assessment):
    published_quiz(curriculum, assessment, {**QUIZ, "slug": "draft-quiz"}, publish=False)
    response = course_using(curriculum, "early-course", "draft-quiz")
    assert response.status_code == 422
    assert "'draft-quiz', which is not published" in response.get_json()["errors"]["modules[0]"][0]
    drafts = curriculum.client.get("/api/v1/courses?status=draft", headers=curriculum.as_("ann", "author"))
    assert drafts.get_json()["total"] == 0
