"""Ownership: only an assessment's owner, its collaborators and admins edit, publish and read keys."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration
PUBLISHED = "lms.assessment.assessment.published.v1"


@pytest.fixture
def draft(api, users, definition):
    """A draft of the owner `author`: (path, body, ETag)."""
    body = definition()
    created = api.post("/assessments", users["author"], json=body)
    assert created.status_code == 201
    return f"/assessments/{created.get_json()['id']}", body, created.headers["ETag"]


def test_another_authors_edit_publish_and_key_reads_are_refused_and_change_nothing(
    api, users, draft, events, secret_keys
):
    path, body, etag = draft
    edit = api.put(path, users["rival"], json={**body, "title": "Taken over"}, headers={"If-Match": etag})
    assert edit.status_code == 403
    assert edit.mimetype == "application/problem+json"
    assert api.post(f"{path}/publish", users["rival"]).status_code == 403
    assert events(PUBLISHED) == 0
    assert api.get(f"{path}?version=draft", users["rival"]).status_code == 403

    mine = api.get(f"{path}?version=draft", users["author"])
    assert (mine.get_json()["title"], mine.headers["ETag"]) == (body["title"], etag)
    assert api.post(f"{path}/publish", users["author"]).status_code == 201
    assert secret_keys(api.get(path, users["author"]).get_json())  # the owner reads the keys
    for version in ("", "?version=1"):
        seen = api.get(path + version, users["rival"])
        assert seen.status_code == 200
        assert secret_keys(seen.get_json()) == set(), version


def test_a_collaborator_edits_and_publishes_until_the_owner_takes_it_back(api, users, draft, secret_keys):
    path, body, etag = draft
    rival = users["rival"][0]
    assert (
        api.put(f"{path}/collaborators", users["rival"], json={"collaborators": [rival]}).status_code == 403
    )
    shared = api.put(
        f"{path}/collaborators", users["author"], json={"collaborators": [rival, users["author"][0]]}
    )
    assert shared.get_json() == {"assessment_id": path.rsplit("/", 1)[1], "owner": users["author"][0],
                                 "collaborators": [rival]}  # fmt: skip
    edit = api.put(path, users["rival"], json={**body, "title": "Together"}, headers={"If-Match": etag})
    assert edit.status_code == 200
    assert api.post(f"{path}/publish", users["rival"]).status_code == 201
    assert secret_keys(api.get(path, users["rival"]).get_json())
    assert api.get(f"{path}/collaborators", users["rival"]).get_json()["collaborators"] == [rival]
    assert api.delete(f"{path}/collaborators/{rival}", users["rival"]).status_code == 403

    assert api.delete(f"{path}/collaborators/{rival}", users["author"]).status_code == 204
    again = api.put(
        path, users["rival"], json={**body, "title": "Mine now"}, headers={"If-Match": edit.headers["ETag"]}
    )
    assert again.status_code == 403
    assert api.get(f"{path}?version=draft", users["author"]).get_json()["title"] == "Together"
    assert api.get(f"{path}/collaborators", users["rival"]).status_code == 403


def test_an_admin_may_edit_publish_and_share_any_assessment(api, users, draft):
    path, body, etag = draft
    edit = api.put(path, users["admin"], json={**body, "title": "Fixed"}, headers={"If-Match": etag})
    assert edit.status_code == 200
    assert api.post(f"{path}/publish", users["admin"]).status_code == 201
    shared = api.put(f"{path}/collaborators", users["admin"], json={"collaborators": [users["rival"][0]]})
    assert shared.status_code == 200
    assert shared.get_json()["owner"] == users["author"][0]


def test_collaborators_of_an_unknown_assessment_are_404(api, users):
    assert api.get("/assessments/nope/collaborators", users["author"]).status_code == 404
