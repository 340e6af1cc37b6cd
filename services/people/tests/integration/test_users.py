"""Users over SCIM on PostgreSQL: create, read, filter, page, sort, select, version, deactivate, delete."""

from __future__ import annotations

import pytest

from lms.contracts import events


def test_created_user_is_returned_with_id_meta_and_etag(scim):
    created = scim.create_user(
        "Ann.Lee@example.org", externalId="hr-1", emails=[{"value": "ann@example.org"}]
    )
    got = scim.get(f"/Users/{created['id']}")
    assert got.status_code == 200
    assert got.content_type == "application/scim+json"
    assert got.json["userName"] == "Ann.Lee@example.org"
    assert got.json["externalId"] == "hr-1"
    assert got.json["meta"]["resourceType"] == "User"
    assert got.json["meta"]["location"].endswith(f"/scim/v2/Users/{created['id']}")
    assert got.headers["ETag"] == got.json["meta"]["version"] == 'W/"1"'


def test_filters_compare_user_name_case_insensitively_and_combine(scim):
    ann = scim.create_user("ann@example.org", externalId="e-ann", active=True)
    scim.create_user("bob@example.org", externalId="e-bob", active=False)
    scim.create_user("carl@other.org", emails=[{"value": "Carl@Other.org", "primary": True}])

    def ids(expression: str) -> set[str]:
        response = scim.get("/Users", query_string={"filter": expression})
        assert response.status_code == 200, response.json
        return {r["userName"] for r in response.json["Resources"]}

    assert ids('userName eq "ANN@example.org"') == {"ann@example.org"}
    assert ids('externalId eq "e-ann"') == {"ann@example.org"}
    assert ids('userName ew "@example.org" and active eq true') == {"ann@example.org"}
    assert ids('not (userName sw "ann") and userName co "example"') == {"bob@example.org"}
    assert ids('emails.value eq "carl@other.org" or externalId eq "e-bob"') == {
        "carl@other.org",
        "bob@example.org",
    }
    assert ids('emails[value co "other"]') == {"carl@other.org"}
    assert ids("externalId pr") == {"ann@example.org", "bob@example.org"}
    assert ids('userName ne "ann@example.org"') == {"bob@example.org", "carl@other.org"}
    modified = scim.get(f"/Users/{ann['id']}").json["meta"]["lastModified"]
    assert ids(f'meta.lastModified ge "{modified}" and userName sw "ann"') == {"ann@example.org"}
    assert ids(f'meta.lastModified lt "{modified}"') == set()


def test_pages_follow_start_index_and_count_in_sort_order(scim):
    for n in range(7):
        scim.create_user(f"pager-{n}@example.org")
    first = scim.get("/Users", query_string={"startIndex": 1, "count": 3, "sortBy": "userName"}).json
    third = scim.get("/Users", query_string={"startIndex": 7, "count": 3, "sortBy": "userName"}).json
    assert first["totalResults"] == third["totalResults"] == 7
    assert [r["userName"] for r in first["Resources"]] == [f"pager-{n}@example.org" for n in range(3)]
    assert [r["userName"] for r in third["Resources"]] == ["pager-6@example.org"]
    assert third["startIndex"] == 7
    assert third["itemsPerPage"] == 1
    descending = scim.get(
        "/Users", query_string={"sortBy": "userName", "sortOrder": "descending", "count": 1}
    )
    assert descending.json["Resources"][0]["userName"] == "pager-6@example.org"


def test_attributes_and_excluded_attributes_select_what_is_returned(scim):
    created = scim.create_user("sel@example.org", displayName="Sel", externalId="x-1")
    only = scim.get(f"/Users/{created['id']}", query_string={"attributes": "userName"}).json
    assert only["userName"] == "sel@example.org"
    assert "displayName" not in only
    assert only["id"] == created["id"]
    without = scim.get("/Users", query_string={"excludedAttributes": "externalId"}).json["Resources"][0]
    assert "externalId" not in without
    assert without["displayName"] == "Sel"


def test_if_match_with_a_stale_version_is_refused_and_changes_nothing(scim, directory_state):
    created = scim.create_user("etag@example.org")
    assert (
        scim.patch(
            f"/Users/{created['id']}", [{"op": "replace", "path": "displayName", "value": "A"}]
        ).status_code
        == 200
    )
    before = directory_state()
    stale = scim.patch(
        f"/Users/{created['id']}",
        [{"op": "replace", "path": "displayName", "value": "B"}],
        headers={"If-Match": 'W/"1"'},
    )
    assert stale.status_code == 412
    assert directory_state() == before
    fresh = scim.patch(
        f"/Users/{created['id']}",
        [{"op": "replace", "path": "displayName", "value": "B"}],
        headers={"If-Match": 'W/"2"'},
    )
    assert fresh.status_code == 200
    assert fresh.headers["ETag"] == 'W/"3"'


def test_active_false_deactivates_and_announces_it(scim, emitted):
    created = scim.create_user("leaver@example.org", externalId="hr-9")
    response = scim.put(
        f"/Users/{created['id']}",
        json={
            "schemas": [created["schemas"][0]],
            "userName": "leaver@example.org",
            "externalId": "hr-9",
            "active": False,
        },
    )
    assert response.status_code == 200
    assert response.json["active"] is False
    left = emitted(events.USER_DEACTIVATED.name)
    assert [(e["learner_id"], e["external_id"], e["deleted"]) for e in left] == [
        ("leaver@example.org", "hr-9", False)
    ]


def test_delete_removes_the_user_from_the_directory_and_their_teams(scim, emitted):
    gone = scim.create_user("gone@example.org")
    stays = scim.create_user("stays@example.org", **{scim.ENTERPRISE: {"manager": {"value": gone["id"]}}})
    team = scim.create_group("Support", [gone["id"], stays["id"]])
    assert scim.delete(f"/Users/{gone['id']}").status_code == 204
    assert scim.get(f"/Users/{gone['id']}").status_code == 404
    assert [m["value"] for m in scim.get(f"/Groups/{team['id']}").json["members"]] == [stays["id"]]
    assert "manager" not in scim.get(f"/Users/{stays['id']}").json.get(scim.ENTERPRISE, {})
    assert emitted(events.TEAM_CHANGED.name)[-1]["members"] == ["stays@example.org"]
    assert emitted(events.USER_UPDATED.name)[-1]["manager_learner_id"] is None
    assert emitted(events.USER_DEACTIVATED.name)[-1]["deleted"] is True


def test_callers_without_a_directory_role_or_scope_are_refused(app, caller, key_caller):
    learner = caller(roles=("learner",))
    assert learner.get("/Users").status_code == 403
    assert learner.get("/Users").json["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    assert caller(roles=("hr",)).get("/Users").status_code == 200
    assert key_caller("scim").get("/Users").status_code == 200  # a scim-only API key, via the gateway
    assert key_caller("metrics", roles=("learner",)).get("/Users").status_code == 403
    anonymous = app.test_client().get("/scim/v2/Users")
    assert anonymous.status_code == 401
    assert anonymous.content_type == "application/scim+json"


@pytest.mark.parametrize("claims", [{"scope": "openid scim"}, {"scp": ["scim"]}, {"scp": "scim"}])
def test_a_scim_scope_from_an_outside_issuer_grants_nothing(caller, directory_state, claims):
    """Only the gateway grants scopes (to API keys): anyone may ask an identity provider for a
    token with a `scim` scope, and the directory decides who manages everyone."""
    before = directory_state()
    outsider = caller(roles=("learner",), claims=claims, sub="mallory")
    assert outsider.get("/Users").status_code == 403
    created = outsider.post("/Users", json={"schemas": [outsider.USER], "userName": "mallory-2@example.org"})
    assert created.status_code == 403
    assert created.json["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    assert directory_state() == before


def test_me_is_the_user_whose_user_name_is_the_callers_subject(scim, caller):
    scim.create_user("Dana@Example.org", displayName="Dana")
    dana = caller(roles=("learner",), sub="dana@example.org")
    response = dana.get("/Me")
    assert response.status_code == 200
    assert response.json["displayName"] == "Dana"
    stranger = caller(roles=("learner",))
    assert stranger.get("/Me").status_code == 404
