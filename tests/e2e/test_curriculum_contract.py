"""Through the gateway: the curriculum keeps the public contract and reads its own writes."""

from __future__ import annotations

import uuid

import pytest

pytestmark = pytest.mark.integration


def quiz(slug: str) -> dict:
    options = [{"id": "a", "text": "A", "correct": True}, {"id": "b", "text": "B", "correct": False}]
    return {
        "slug": slug,
        "title": "A quiz published a moment ago",
        "kind": "quiz",
        "pass_mark": 0.5,
        "max_attempts": None,
        "shuffle": False,
        "items": [{"id": "q1", "kind": "single_choice", "prompt": "Which?", "points": 1, "options": options}],
    }


def package(slug: str, quiz_slug: str | None = None) -> dict:
    module = {"key": "m1", "title": "M1", "lessons": [{"key": "l1", "title": "L1", "body": "Text."}]}
    return {"slug": slug, "title": f"Course {slug}", "modules": [{**module, "assessment_slug": quiz_slug}]}


def test_a_course_publishes_at_once_after_the_assessment_it_uses(suite):
    tag = uuid.uuid4().hex[:6]
    with suite.client("ryw-author", "author") as author:
        created = author.post("/assessments", json=quiz(f"ryw-quiz-{tag}"))
        assert author.post(f"/assessments/{created.json()['id']}/publish").status_code == 201
        course = author.post(
            "/course-packages", params={"publish": "true"}, json=package(f"ryw-{tag}", f"ryw-quiz-{tag}")
        )
        assert (course.status_code, course.json()["published_version"]) == (201, 1), course.text
        modules = author.get(f"/courses/{course.json()['course_id']}").json()["modules"]
    assert modules[0]["assessment_id"] == created.json()["id"]


def test_adding_a_module_does_not_demand_if_match_but_honours_it(suite):
    with suite.client("module-author", "author") as author:
        created = author.post("/courses", json={"slug": f"mods-{uuid.uuid4().hex[:6]}", "title": "Modules"})
        course_id, etag = created.json()["id"], created.headers["ETag"]
        module = {"title": "First", "lessons": [{"title": "L", "body": "Text."}]}
        first = author.post(f"/courses/{course_id}/modules", json=module)
        stale = author.post(f"/courses/{course_id}/modules", json=module, headers={"If-Match": etag})
    assert first.status_code == 201, first.text
    assert (stale.status_code, stale.headers["content-type"]) == (412, "application/problem+json")


def test_another_author_cannot_overwrite_a_course_by_importing_its_slug(suite):
    slug = f"owned-{uuid.uuid4().hex[:6]}"
    with suite.client("owner-author", "author") as owner, suite.client("other-author", "author") as other:
        first = owner.post("/course-packages", params={"publish": "true"}, json=package(slug))
        taken = other.post(
            "/course-packages",
            params={"publish": "true"},
            json={**package(slug), "title": "Taken over"},
            headers={"If-Match": first.headers["ETag"]},
        )
        after = owner.get(f"/courses/{first.json()['course_id']}").json()
    assert (taken.status_code, taken.headers["content-type"]) == (403, "application/problem+json")
    assert (after["title"], after["version"]) == (f"Course {slug}", 1)
