"""Bad SCIM requests: a SCIM error with its scimType, and nothing changed (rows, versions, events)."""

from __future__ import annotations

import pytest

ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"


@pytest.fixture
def world(scim):
    ann = scim.create_user("ann@example.org")
    team = scim.create_group("Team", [ann["id"]])
    return {"ann": ann, "team": team}


def refused(response, status: int, scim_type: str | None) -> None:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.content_type == "application/scim+json"
    assert response.json["schemas"] == [ERROR]
    assert response.json["status"] == str(status)
    assert response.json.get("scimType") == scim_type


@pytest.mark.parametrize(
    "expression",
    [
        "userName eq",
        'userName zz "a"',
        '(userName eq "a"',
        'nickName eq "x"',
        "active gt true",
        'meta.lastModified gt "yesterday"',
    ],
)
def test_malformed_or_unsupported_filters_are_invalid_filter(scim, world, directory_state, expression):
    before = directory_state()
    refused(scim.get("/Users", query_string={"filter": expression}), 400, "invalidFilter")
    assert directory_state() == before


def test_duplicate_user_name_in_another_case_is_a_uniqueness_conflict(scim, world, directory_state):
    before = directory_state()
    refused(
        scim.post("/Users", json={"schemas": [scim.USER], "userName": "ANN@example.org"}), 409, "uniqueness"
    )
    other = scim.create_user("other@example.org")
    before = directory_state()
    renamed = scim.patch(
        f"/Users/{other['id']}", [{"op": "replace", "path": "userName", "value": "Ann@Example.org"}]
    )
    refused(renamed, 409, "uniqueness")
    assert directory_state() == before


def test_unknown_attributes_are_refused(scim, world, directory_state):
    before = directory_state()
    refused(
        scim.post("/Users", json={"schemas": [scim.USER], "userName": "x@example.org", "shoeSize": 44}),
        400,
        "invalidValue",
    )
    refused(
        scim.patch(f"/Users/{world['ann']['id']}", [{"op": "replace", "path": "shoeSize", "value": 44}]),
        400,
        "invalidPath",
    )
    assert directory_state() == before


def test_patch_on_a_missing_path_or_without_target_is_refused(scim, world, directory_state):
    before = directory_state()
    ann = world["ann"]["id"]
    refused(scim.patch(f"/Users/{ann}", [{"op": "remove"}]), 400, "noTarget")
    refused(
        scim.patch(f"/Users/{ann}", [{"op": "replace", "path": "name..givenName", "value": "x"}]),
        400,
        "invalidPath",
    )
    refused(
        scim.patch(
            f"/Users/{ann}",
            [{"op": "replace", "path": "displayName", "value": "ok"}, {"op": "remove", "path": "nope"}],
        ),
        400,
        "invalidPath",
    )
    refused(
        scim.patch(f"/Users/{ann}", [{"op": "replace", "path": "active", "value": "maybe"}]),
        400,
        "invalidValue",
    )
    assert directory_state() == before


def test_a_member_who_is_not_in_the_directory_is_refused(scim, world, directory_state):
    before = directory_state()
    team = world["team"]["id"]
    refused(
        scim.patch(f"/Groups/{team}", [{"op": "add", "path": "members", "value": [{"value": "nobody"}]}]),
        400,
        "invalidValue",
    )
    refused(
        scim.post(
            "/Groups", json={"schemas": [scim.GROUP], "displayName": "X", "members": [{"value": "nobody"}]}
        ),
        400,
        "invalidValue",
    )
    assert directory_state() == before


def test_a_manager_who_is_not_in_the_directory_is_refused(scim, world, directory_state):
    before = directory_state()
    patch = [{"op": "add", "path": f"{scim.ENTERPRISE}:manager", "value": "nobody"}]
    refused(scim.patch(f"/Users/{world['ann']['id']}", patch), 400, "invalidValue")
    assert directory_state() == before


def test_bodies_that_are_not_scim_are_invalid_syntax(scim, world, directory_state):
    before = directory_state()
    refused(scim.call("POST", "/Users", data="{not json"), 400, "invalidSyntax")
    refused(scim.call("PATCH", f"/Users/{world['ann']['id']}", json={"Operations": []}), 400, "invalidSyntax")
    assert directory_state() == before


def test_unknown_ids_and_endpoints_are_scim_404s(scim, world):
    refused(scim.get("/Users/does-not-exist"), 404, None)
    refused(scim.delete("/Groups/does-not-exist"), 404, None)
    refused(scim.get("/Widgets"), 404, None)


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH"])
def test_a_body_nested_too_deep_is_invalid_syntax_and_changes_nothing(scim, world, directory_state, method):
    before = directory_state()
    path = "/Users" if method == "POST" else f"/Users/{world['ann']['id']}"
    refused(scim.call(method, path, data=b"[" * 50_000), 400, "invalidSyntax")
    refused(
        scim.call(method, path, data=b'{"schemas": ' + b"[" * 100 + b"]" * 100 + b"}"), 400, "invalidSyntax"
    )
    assert directory_state() == before


def test_the_scim_root_answers_scim_errors_too(scim):
    for method in ("GET", "PUT", "PATCH", "DELETE"):
        refused(scim.call(method, "/"), 404, None)
    refused(scim.call("PUT", "/", data=b"[" * 50_000), 400, "invalidSyntax")
