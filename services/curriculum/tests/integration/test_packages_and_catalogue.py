"""Course packages and the catalogue, through the API on PostgreSQL."""

from __future__ import annotations

import copy

import pytest
import yaml

pytestmark = pytest.mark.integration
PACKAGE = {
    "slug": "questioning",
    "title": "Questioning skills",
    "summary": "Ask what a problem means for the customer.",
    "topics": ["questioning-skills", "communication"],
    "competencies": ["impact-questions"],
    "modules": [
        {
            "key": "things-and-people",
            "title": "Things and people",
            "competencies": ["impact-questions"],
            "lessons": [
                {"key": "impact", "title": "Impact", "body": "Ask about *impact*.", "duration_min": 8},
                {"key": "practice", "title": "Practice", "kind": "activity", "body": "Try it."},
            ],
        },
        {
            "key": "positive-language",
            "title": "Positive language",
            "competencies": ["positive-language"],
            "lessons": [
                {"key": "say-what-you-can", "title": "Say what you can do", "body": "Lead with the can."}
            ],
        },
    ],
}


def import_package(c, package, query="publish=true", as_yaml=False, etag=None):
    """Import as ann; over a course that exists, `etag` (the draft's current ETag) goes in If-Match."""
    precondition = {"If-Match": etag} if etag else {}
    if as_yaml:
        return c.client.post(
            f"/api/v1/course-packages?{query}",
            data=yaml.safe_dump(package),
            headers=c.as_("ann", "author", **{"Content-Type": "application/yaml"}, **precondition),
        )
    return c.client.post(
        f"/api/v1/course-packages?{query}", json=package, headers=c.as_("ann", "author", **precondition)
    )


def test_importing_a_yaml_package_creates_and_publishes_the_course(curriculum):
    response = import_package(curriculum, PACKAGE, as_yaml=True)
    report = response.get_json()
    assert (response.status_code, report["created"], report["published_version"]) == (201, True, 1)
    course = curriculum.client.get(
        f"/api/v1/courses/{report['course_id']}", headers=curriculum.as_("l", "learner")
    )
    assert [m["key"] for m in course.get_json()["modules"]] == ["things-and-people", "positive-language"]


def test_reimporting_an_unchanged_package_changes_nothing_and_publishes_nothing(curriculum):
    created = import_package(curriculum, PACKAGE)
    first = created.get_json()
    again = import_package(curriculum, copy.deepcopy(PACKAGE), etag=created.headers["ETag"])
    assert again.status_code == 200
    assert (again.get_json()["changes"], again.get_json()["published_version"]) == ([], None)
    versions = curriculum.client.get(
        f"/api/v1/courses/{first['course_id']}/versions", headers=curriculum.as_("ann", "author")
    ).get_json()
    assert [v["version"] for v in versions] == [1]


def test_a_changed_package_publishes_the_next_version_and_a_dry_run_writes_nothing(curriculum):
    created = import_package(curriculum, PACKAGE)
    first = created.get_json()
    changed = copy.deepcopy(PACKAGE)
    changed["modules"][0]["lessons"][0]["body"] = "Ask what it *means* for them."

    dry = import_package(curriculum, changed, query="publish=true&dry_run=true").get_json()
    assert dry["changes"] == ["lesson things-and-people/'impact': body changes"]
    assert (dry["dry_run"], dry["published_version"]) == (True, 2)
    draft = curriculum.client.get(
        f"/api/v1/courses/{first['course_id']}?version=draft", headers=curriculum.as_("ann", "author")
    ).get_json()
    assert draft["modules"][0]["lessons"][0]["body"] == "Ask about *impact*."

    real = import_package(curriculum, changed, etag=created.headers["ETag"]).get_json()
    assert (real["changes"], real["published_version"]) == (dry["changes"], 2)


def test_export_of_a_version_reimports_to_the_same_thing(curriculum):
    created = import_package(curriculum, PACKAGE)
    first = created.get_json()
    exported = curriculum.client.get(
        f"/api/v1/courses/{first['course_id']}/package?version=1&format=yaml",
        headers=curriculum.as_("ann", "author"),
    )
    assert exported.mimetype == "application/yaml"
    again = curriculum.client.post(
        "/api/v1/course-packages?publish=true",
        data=exported.get_data(),
        headers=curriculum.as_(
            "ann", "author", **{"Content-Type": "application/yaml", "If-Match": created.headers["ETag"]}
        ),
    )
    assert (again.get_json()["changes"], again.get_json()["published_version"]) == ([], None)


def test_an_invalid_package_changes_nothing(curriculum):
    broken = copy.deepcopy(PACKAGE)
    broken["modules"][1]["lessons"] = []
    response = import_package(curriculum, broken)
    assert response.status_code == 422
    assert "modules[1]" in response.get_json()["errors"]
    drafts = curriculum.client.get("/api/v1/courses?status=draft", headers=curriculum.as_("ann", "author"))
    assert drafts.get_json()["total"] == 0
    malformed = import_package(curriculum, {"slug": "x", "modules": [{"title": "no key"}]})
    assert set(malformed.get_json()["errors"]) == {"title", "modules"}


def test_catalogue_filters_searches_and_pages_in_a_stable_order(curriculum):
    for n, topic in enumerate(["wellbeing", "wellbeing", "communication", "wellbeing", "teamwork"]):
        package = copy.deepcopy(PACKAGE)
        package.update(slug=f"course-{n}", title=f"Course {n} about {topic}", topics=[topic])
        assert import_package(curriculum, package).status_code == 201
    learner = curriculum.as_("lee", "learner")
    get = lambda query: curriculum.client.get(f"/api/v1/courses?{query}", headers=learner).get_json()  # noqa: E731

    assert [i["slug"] for i in get("topic=wellbeing")["items"]] == ["course-0", "course-1", "course-3"]
    assert [i["slug"] for i in get("q=TEAMWORK")["items"]] == ["course-4"]
    assert get("competency=positive-language")["total"] == 5
    pages = [get(f"page={p}&page_size=2") for p in (1, 2, 3)]
    assert [i["slug"] for page in pages for i in page["items"]] == [f"course-{n}" for n in range(5)]
    assert (pages[0]["total"], pages[0]["pages"]) == (5, 3)
    too_big = curriculum.client.get("/api/v1/courses?page_size=1000", headers=learner)
    assert too_big.status_code == 422


def test_lesson_bodies_come_as_sanitised_html_on_request(curriculum):
    package = copy.deepcopy(PACKAGE)
    package["modules"][0]["lessons"][0]["body"] = (
        "**Ask** <img src=x onerror=alert(1)> [x](javascript:alert(1))"
    )
    course_id = import_package(curriculum, package).get_json()["course_id"]
    learner = curriculum.as_("lee", "learner")
    html = curriculum.client.get(f"/api/v1/courses/{course_id}?format=html", headers=learner).get_json()
    body = html["modules"][0]["lessons"][0]["body"]
    assert "<strong>Ask</strong>" in body
    assert "<img" not in body  # raw HTML arrives as inert text, never as an element
    assert 'href="javascript' not in body


def test_published_versions_answer_conditional_gets_with_304(curriculum):
    course_id = import_package(curriculum, PACKAGE).get_json()["course_id"]
    learner = curriculum.as_("lee", "learner")
    first = curriculum.client.get(f"/api/v1/courses/{course_id}?version=1", headers=learner)
    assert "public" in first.headers["Cache-Control"]
    again = curriculum.client.get(
        f"/api/v1/courses/{course_id}?version=1", headers={**learner, "If-None-Match": first.headers["ETag"]}
    )
    assert (again.status_code, again.get_data()) == (304, b"")
