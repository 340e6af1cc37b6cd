"""Reads right after a write, across the caches each web process keeps (the latest version of a
course, and reply bodies): a reader that asks `Cache-Control: no-cache` (progress, when a learner
enrols) sees what another process has just published or retired; a course view never keeps a
status or a latest version that has changed since it was first built."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def author(c, **headers):
    return c.as_("ann", "author", **headers)


def published_course(c, slug: str) -> tuple[str, dict, str]:
    created = c.client.post("/api/v1/courses", json={"slug": slug, "title": "Questioning"}, headers=author(c))
    assert created.status_code == 201, created.get_json()
    course_id = created.get_json()["id"]
    lesson = {"title": "Open questions", "body": "First wording.", "kind": "text", "duration_min": 5}
    module = c.client.post(
        f"/api/v1/courses/{course_id}/modules",
        json={"title": "Asking", "lessons": [lesson]},
        headers=author(c, **{"If-Match": created.headers["ETag"]}),
    )
    assert module.status_code == 201, module.get_json()
    assert c.client.post(f"/api/v1/courses/{course_id}/publish", headers=author(c)).status_code == 201
    return course_id, module.get_json(), module.headers["ETag"]


def republish(c, course_id: str, module: dict, etag: str) -> None:
    lesson = dict(module["lessons"][0], body="Second wording.")
    edited = c.client.patch(
        f"/api/v1/courses/{course_id}/modules/{module['id']}",
        json={"lessons": [lesson]},
        headers=author(c, **{"If-Match": etag}),
    )
    assert edited.status_code == 200, edited.get_json()
    second = c.client.post(f"/api/v1/courses/{course_id}/publish", headers=author(c))
    assert (second.status_code, second.get_json()["version"]) == (201, 2)


@pytest.fixture
def other_worker(harness):
    """A second web process over the same database: caches of its own."""
    return harness.app(environ={"LMS_ASSESSMENT_URL": "off"}).test_client()


def test_no_cache_sees_a_version_another_worker_published_a_moment_ago(curriculum, other_worker, unique):
    c = curriculum
    course_id, module, etag = published_course(c, unique("fresh"))
    learner = c.as_("lee", "learner")
    assert other_worker.get(f"/api/v1/courses/{course_id}", headers=learner).get_json()["version"] == 1
    republish(c, course_id, module, etag)  # on the first worker; the other remembers version 1
    fresh = other_worker.get(f"/api/v1/courses/{course_id}", headers={**learner, "Cache-Control": "no-cache"})
    assert fresh.status_code == 200
    assert (fresh.get_json()["version"], fresh.get_json()["latest_version"]) == (2, 2)
    assert fresh.get_json()["modules"][0]["lessons"][0]["body"] == "Second wording."


def test_a_course_view_read_before_a_retirement_says_retired_after_it(curriculum, other_worker, unique):
    c = curriculum
    course_id, _module, _etag = published_course(c, unique("retired"))
    learner = c.as_("lee", "learner")
    for worker in (c.client, other_worker):
        assert worker.get(f"/api/v1/courses/{course_id}", headers=learner).get_json()["status"] == "published"
    assert c.client.post(f"/api/v1/courses/{course_id}/retire", headers=author(c)).status_code == 200
    assert c.client.get(f"/api/v1/courses/{course_id}", headers=learner).get_json()["status"] == "retired"
    fresh = other_worker.get(f"/api/v1/courses/{course_id}", headers={**learner, "Cache-Control": "no-cache"})
    assert fresh.get_json()["status"] == "retired"
    version_1 = c.client.get(f"/api/v1/courses/{course_id}?version=1", headers=learner).get_json()
    assert version_1["status"] == "retired"


def test_a_version_read_before_a_new_one_names_the_new_latest_after_it(curriculum, unique):
    c = curriculum
    course_id, module, etag = published_course(c, unique("latest"))
    learner = c.as_("lee", "learner")
    assert (
        c.client.get(f"/api/v1/courses/{course_id}?version=1", headers=learner).get_json()["latest_version"]
        == 1
    )
    republish(c, course_id, module, etag)
    assert (
        c.client.get(f"/api/v1/courses/{course_id}?version=1", headers=learner).get_json()["latest_version"]
        == 2
    )
