"""Drafts, ETags, publishing to immutable versions, and the course files as they are written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.integration

COURSES = Path(__file__).resolve().parents[4] / "courses"
COURSE_ASSESSMENTS = sorted(COURSES.glob("*/assessments/*.yaml"))
PUBLISHED = "lms.assessment.assessment.published.v1"


def test_every_course_assessment_file_is_accepted_unchanged_and_publishes(api, users, events):
    assert COURSE_ASSESSMENTS, "no course assessment files found"
    for path in COURSE_ASSESSMENTS:
        body = yaml.safe_load(path.read_text())
        created = api.post("/assessments", users["author"], json=body)
        assert created.status_code == 201, (path.name, created.get_json())
        draft = created.get_json()
        assert [i["id"] for i in draft["items"]] == [i["id"] for i in body["items"]]
        published = api.post(f"/assessments/{draft['id']}/publish", users["author"])
        assert published.status_code == 201, (path.name, published.get_json())
    assert events(PUBLISHED) == len(COURSE_ASSESSMENTS)


def test_a_draft_edit_needs_if_match_and_refuses_a_stale_etag(api, users, definition):
    body = definition()
    created = api.post("/assessments", users["author"], json=body)
    path, etag = f"/assessments/{created.get_json()['id']}", created.headers["ETag"]

    missing = api.put(path, users["author"], json={**body, "title": "New"})
    assert missing.status_code == 428
    assert missing.mimetype == "application/problem+json"
    changed = api.put(path, users["author"], json={**body, "title": "New"}, headers={"If-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    stale = api.put(path, users["author"], json={**body, "title": "Newer"}, headers={"If-Match": etag})
    assert stale.status_code == 412
    draft = api.get(path + "?version=draft", users["author"])
    assert draft.get_json()["title"] == "New"
    assert draft.headers["ETag"] == changed.headers["ETag"]


def test_publish_lists_every_problem_by_item_id_and_publishes_nothing(api, users, definition, events):
    body = definition()
    body["items"][0]["options"][1]["correct"] = True  # two correct options on a single_choice
    body["items"][7]["steps"][1]["options"][0]["next"] = "s1"  # a cycle
    body["items"][9].pop("competency")  # likert without competency
    created = api.post("/assessments", users["author"], json=body)
    refused = api.post(f"/assessments/{created.get_json()['id']}/publish", users["author"])
    assert refused.status_code == 422
    assert set(refused.get_json()["errors"]) == {"q1", "q8", "q10"}
    assert events(PUBLISHED) == 0
    assert api.get(f"/assessments/{created.get_json()['id']}", users["ann"]).status_code == 404


def test_a_published_version_never_changes_and_attempts_keep_their_version(api, users, definition, responses):
    body = definition(shuffle=False)
    aid = api.post("/assessments", users["author"], json=body).get_json()["id"]
    first_publish = api.post(f"/assessments/{aid}/publish", users["author"]).get_json()
    assert first_publish.get("version") == 1, first_publish
    attempt = api.post(f"/assessments/{aid}/attempts", users["ann"]).get_json()

    body["items"][0]["options"][0]["correct"], body["items"][0]["options"][1]["correct"] = False, True
    etag = api.get(f"/assessments/{aid}?version=draft", users["author"]).headers["ETag"]
    assert (
        api.put(f"/assessments/{aid}", users["author"], json=body, headers={"If-Match": etag}).status_code
        == 200
    )
    assert api.post(f"/assessments/{aid}/publish", users["author"]).get_json()["version"] == 2

    first = api.get(f"/assessments/{aid}?version=1", users["author"]).get_json()
    assert first["items"][0]["options"][0]["correct"] is True
    graded = api.post(
        f"/attempts/{attempt['attempt_id']}/submit", users["ann"], json={"responses": responses}
    )
    q1 = next(i for i in graded.get_json()["items"] if i["item_id"] == "q1")
    assert (graded.get_json()["assessment_version"], q1["correct"]) == (1, True)
    assert api.get(f"/assessments/{aid}", users["ann"]).get_json()["version"] == 2
    assert api.post(f"/assessments/{aid}/attempts", users["ann"]).get_json()["assessment_version"] == 2


def test_publishing_an_unchanged_draft_again_makes_no_new_version(api, users, quiz, events):
    aid = quiz()
    again = api.post(f"/assessments/{aid}/publish", users["author"])
    assert (again.status_code, again.get_json()["version"]) == (200, 1)
    assert events(PUBLISHED) == 1


def test_ids_are_assigned_where_the_author_left_none(api, users, definition):
    body = definition()
    del body["items"][0]["id"]
    del body["items"][0]["options"][0]["id"]
    draft = api.post("/assessments", users["author"], json=body).get_json()
    assert draft["items"][0]["id"]
    assert draft["items"][0]["options"][0]["id"]


def test_only_authors_write_and_read_drafts(api, users, definition, quiz):
    assert api.post("/assessments", users["ann"], json=definition()).status_code == 403
    assert api.get(f"/assessments/{quiz()}?version=draft", users["ann"]).status_code == 403
    assert api.post("/assessments", users["admin"], json=definition()).status_code == 201


def test_a_taken_slug_is_a_conflict(api, users, definition):
    body = definition()
    assert api.post("/assessments", users["author"], json=body).status_code == 201
    assert api.post("/assessments", users["author"], json=body).status_code == 409


def test_a_malformed_definition_is_a_422_naming_the_fields(api, users, definition):
    body = definition(pass_mark=2)
    body["items"][0]["kind"] = "essay"
    refused = api.post("/assessments", users["author"], json=body)
    assert refused.status_code == 422
    assert set(refused.get_json()["errors"]) == {"pass_mark", "items"}


def test_numbers_past_what_a_column_holds_are_refused_and_create_nothing(api, users, definition, quiz):
    aid = quiz()
    assert api.get(f"/assessments/{aid}?version=99999999999", users["ann"]).status_code == 404
    attempts = api.get(f"/assessments/{aid}/attempts?offset=2147483648", users["hr"])
    assert (attempts.status_code, attempts.mimetype) == (422, "application/problem+json")
    before = api.get("/assessments", users["author"]).get_json()
    for field, value in (("max_attempts", 2**40), ("time_limit_s", 2**40)):
        body = {**definition(), "slug": f"too-big-{field.replace('_', '-')}", field: value}
        refused = api.post("/assessments", users["author"], json=body)
        assert (refused.status_code, refused.mimetype) == (422, "application/problem+json"), field
    assert api.get("/assessments", users["author"]).get_json() == before
