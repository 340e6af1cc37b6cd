"""Packages built to exhaust the service are refused fast, with a problem, and change nothing."""

from __future__ import annotations

import time

import pytest

pytestmark = pytest.mark.integration

ALIAS_BOMB = "\n".join(
    ["a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']"]
    + [f"{chr(98 + n)}: &{chr(98 + n)} [{','.join([f'*{chr(97 + n)}'] * 9)}]" for n in range(8)]
    + ["slug: bomb", "title: *i"]
)


def post_package(c, body: bytes | dict, content_type: str = "application/yaml", query: str = "dry_run=true"):
    kwargs = {"json": body} if isinstance(body, dict) else {"data": body}
    headers = (
        c.as_("ann", "author")
        if isinstance(body, dict)
        else c.as_("ann", "author", **{"Content-Type": content_type})
    )
    started = time.monotonic()
    response = c.client.post(f"/api/v1/course-packages?{query}", headers=headers, **kwargs)
    return response, time.monotonic() - started


def no_drafts(c) -> bool:
    return (
        c.client.get("/api/v1/courses?status=draft", headers=c.as_("ann", "author")).get_json()["total"] == 0
    )


def test_a_yaml_alias_bomb_is_refused_at_once(curriculum):
    response, took = post_package(curriculum, ALIAS_BOMB.encode())
    assert (response.status_code, response.mimetype) == (400, "application/problem+json")
    assert "aliases" in response.get_json()["detail"]
    assert took < 1.0
    assert no_drafts(curriculum)


def test_deeply_nested_yaml_and_json_are_refused(curriculum):
    deep_yaml, _ = post_package(curriculum, ("[" * 5000 + "]" * 5000).encode())
    deep_json, _ = post_package(curriculum, ("[" * 100_000 + "]" * 100_000).encode(), "application/json")
    assert [deep_yaml.status_code, deep_json.status_code] == [400, 400]
    assert no_drafts(curriculum)


def test_8000_lessons_with_one_title_are_refused_by_the_cap_quickly(curriculum):
    lessons = [{"title": "Same", "body": "x"}] * 8000
    package = {
        "slug": "crowded",
        "title": "Crowded",
        "modules": [{"key": "m", "title": "M", "lessons": lessons}],
    }
    response, took = post_package(curriculum, package, query="publish=true")
    assert (response.status_code, response.mimetype) == (422, "application/problem+json")
    assert "at most 200 lessons" in response.get_json()["detail"]
    assert took < 2.0  # refused on counts, before 8,000 lessons are validated or built
    assert no_drafts(curriculum)


def test_too_many_modules_are_refused_naming_the_cap(curriculum):
    modules = [
        {"key": f"m{n}", "title": f"M{n}", "lessons": [{"title": "L", "body": "x"}]} for n in range(101)
    ]
    response, _ = post_package(curriculum, {"slug": "wide", "title": "Wide", "modules": modules}, query="")
    assert response.status_code == 422
    assert "at most 100 modules" in response.get_json()["detail"]
    assert no_drafts(curriculum)


def test_a_draft_cannot_grow_past_its_size_cap_one_module_at_a_time(curriculum):
    c = curriculum
    created = c.client.post(
        "/api/v1/courses", json={"slug": "big", "title": "Big"}, headers=c.as_("ann", "author")
    )
    course_id = created.get_json()["id"]
    lessons = [{"title": f"L{n}", "body": "x" * 200_000} for n in range(6)]
    url = f"/api/v1/courses/{course_id}/modules"
    first = c.client.post(url, json={"title": "One", "lessons": lessons}, headers=c.as_("ann", "author"))
    second = c.client.post(url, json={"title": "Two", "lessons": lessons}, headers=c.as_("ann", "author"))
    assert (first.status_code, second.status_code, second.mimetype) == (201, 413, "application/problem+json")
    assert "at most 2097152 bytes" in second.get_json()["detail"]
    draft = c.client.get(f"/api/v1/courses/{course_id}?version=draft", headers=c.as_("ann", "author"))
    assert [m["title"] for m in draft.get_json()["modules"]] == ["One"]


def test_a_page_number_past_any_offset_is_a_422_not_a_500(curriculum):
    huge = curriculum.client.get(
        "/api/v1/courses?page=3077043354065946624&status=draft", headers=curriculum.as_("ann", "author")
    )
    assert (huge.status_code, huge.mimetype) == (422, "application/problem+json")
