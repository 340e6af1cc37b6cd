"""Content ownership: only a course's owner, its collaborators and admins change it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration
PACKAGE = {
    "slug": "owned",
    "title": "Owned course",
    "modules": [{"key": "m1", "title": "M1", "lessons": [{"key": "l1", "title": "L1", "body": "Text."}]}],
}


def owned_course(c) -> tuple[str, str]:
    """ann's published course: (id, draft ETag)."""
    created = c.client.post(
        "/api/v1/course-packages?publish=true", json=PACKAGE, headers=c.as_("ann", "author")
    )
    assert created.status_code == 201, created.get_json()
    return created.get_json()["course_id"], created.headers["ETag"]


def state(c, course_id: str) -> tuple:
    """What an attack could change: the draft, its ETag, the versions and the status."""
    draft = c.client.get(f"/api/v1/courses/{course_id}?version=draft", headers=c.as_("ann", "author"))
    versions = c.client.get(f"/api/v1/courses/{course_id}/versions", headers=c.as_("ann", "author"))
    body = draft.get_json()
    return body, draft.headers["ETag"], [v["version"] for v in versions.get_json()], body["status"]


def attacks(course_id: str, etag: str, module_id: str) -> list[tuple[str, str, dict]]:
    changed = {**PACKAGE, "title": "Taken over"}
    return [
        ("patch", f"/api/v1/courses/{course_id}", {"json": {"title": "Taken over"}}),
        ("post", f"/api/v1/courses/{course_id}/modules", {"json": {"title": "Spam", "lessons": []}}),
        ("patch", f"/api/v1/courses/{course_id}/modules/{module_id}", {"json": {"title": "Spam"}}),
        ("delete", f"/api/v1/courses/{course_id}/modules/{module_id}", {}),
        ("post", f"/api/v1/courses/{course_id}/publish", {}),
        ("post", f"/api/v1/courses/{course_id}/retire", {}),
        ("post", "/api/v1/course-packages?publish=true", {"json": changed}),
        ("post", "/api/v1/course-packages?dry_run=true", {"json": changed}),
        ("put", f"/api/v1/courses/{course_id}/collaborators", {"json": {"collaborators": ["mallory"]}}),
        ("delete", f"/api/v1/courses/{course_id}/collaborators/ann", {}),
        ("get", f"/api/v1/courses/{course_id}/collaborators", {}),
    ]


def test_another_author_gets_403_for_every_change_and_nothing_changes(curriculum):
    c = curriculum
    course_id, etag = owned_course(c)
    before = state(c, course_id)
    module_id = before[0]["modules"][0]["id"]
    for method, path, kwargs in attacks(course_id, etag, module_id):
        response = getattr(c.client, method)(
            path, headers=c.as_("mallory", "author", **{"If-Match": etag}), **kwargs
        )
        assert (response.status_code, response.mimetype) == (403, "application/problem+json"), (method, path)
    assert state(c, course_id) == before


def test_collaborators_edit_but_only_the_owner_or_an_admin_manages_them(curriculum):
    c = curriculum
    course_id, etag = owned_course(c)
    url = f"/api/v1/courses/{course_id}/collaborators"
    shared = c.client.put(url, json={"collaborators": ["bob", "ann"]}, headers=c.as_("ann", "author"))
    assert shared.get_json() == {"course_id": course_id, "owner": "ann", "collaborators": ["bob"]}

    edited = c.client.patch(
        f"/api/v1/courses/{course_id}",
        json={"title": "By bob"},
        headers=c.as_("bob", "author", **{"If-Match": etag}),
    )
    assert edited.status_code == 200
    widened = c.client.put(url, json={"collaborators": ["bob", "eve"]}, headers=c.as_("bob", "author"))
    assert widened.status_code == 403
    assert c.client.get(url, headers=c.as_("bob", "author")).get_json()["collaborators"] == ["bob"]

    assert c.client.delete(f"{url}/bob", headers=c.as_("root", "admin")).status_code == 204
    refused = c.client.patch(
        f"/api/v1/courses/{course_id}",
        json={"title": "Bob again"},
        headers=c.as_("bob", "author", **{"If-Match": edited.headers["ETag"]}),
    )
    assert refused.status_code == 403
    assert state(c, course_id)[0]["title"] == "By bob"


def test_an_admin_may_change_any_course(curriculum):
    c = curriculum
    course_id, _ = owned_course(c)
    retired = c.client.post(f"/api/v1/courses/{course_id}/retire", headers=c.as_("root", "admin"))
    assert (retired.status_code, retired.get_json()["status"]) == (200, "retired")


def test_an_import_over_an_existing_slug_needs_the_current_etag(curriculum):
    c = curriculum
    course_id, etag = owned_course(c)
    before = state(c, course_id)
    changed = {**PACKAGE, "title": "Changed"}
    url = "/api/v1/course-packages?publish=true"

    missing = c.client.post(url, json=changed, headers=c.as_("ann", "author"))
    stale = c.client.post(url, json=changed, headers=c.as_("ann", "author", **{"If-Match": '"draft-0"'}))
    assert (missing.status_code, missing.mimetype) == (428, "application/problem+json")
    assert (stale.status_code, stale.mimetype) == (412, "application/problem+json")
    assert state(c, course_id) == before

    dry = c.client.post("/api/v1/course-packages?dry_run=true", json=changed, headers=c.as_("ann", "author"))
    assert (dry.status_code, dry.headers["ETag"]) == (200, etag)
    done = c.client.post(
        url, json=changed, headers=c.as_("ann", "author", **{"If-Match": dry.headers["ETag"]})
    )
    assert (done.status_code, done.get_json()["published_version"]) == (200, 2)


def test_adding_a_module_honours_if_match_but_does_not_demand_it(curriculum):
    c = curriculum
    course_id, etag = owned_course(c)
    module = {"title": "Extra", "lessons": [{"title": "More", "body": "More text."}]}
    url = f"/api/v1/courses/{course_id}/modules"

    without = c.client.post(url, json=module, headers=c.as_("ann", "author"))
    assert without.status_code == 201
    stale = c.client.post(
        url, json={**module, "title": "Late"}, headers=c.as_("ann", "author", **{"If-Match": etag})
    )
    assert (stale.status_code, stale.mimetype) == (412, "application/problem+json")
    current = c.client.post(
        url,
        json={**module, "title": "Third"},
        headers=c.as_("ann", "author", **{"If-Match": without.headers["ETag"]}),
    )
    assert current.status_code == 201
    assert [m["title"] for m in state(c, course_id)[0]["modules"]] == ["M1", "Extra", "Third"]
