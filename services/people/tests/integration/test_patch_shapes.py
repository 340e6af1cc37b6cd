"""PATCH as Microsoft Entra ID and Okta send it, and the events each change announces."""

from __future__ import annotations

from lms.contracts import events

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"


def test_entra_id_sequence_sets_manager_and_deactivates_with_string_booleans(scim, emitted):
    boss = scim.create_user("boss@contoso.com")
    ann = scim.create_user("ann@contoso.com", externalId="ann-oid")
    response = scim.patch(
        f"/Users/{ann['id']}",
        [
            {"op": "Add", "path": f"{ENTERPRISE}:manager", "value": boss["id"]},
            {"op": "Replace", "path": f"{ENTERPRISE}:department", "value": "Sales"},
            {"op": "Replace", "path": 'emails[type eq "work"].value', "value": "ann.lee@contoso.com"},
            {"op": "Replace", "path": "name.givenName", "value": "Ann"},
        ],
    )
    assert response.status_code == 200, response.json
    assert response.json[ENTERPRISE]["manager"]["value"] == boss["id"]
    assert response.json["emails"] == [{"value": "ann.lee@contoso.com", "type": "work"}]
    updated = emitted(events.USER_UPDATED.name)[-1]
    assert (updated["manager_learner_id"], updated["department"]) == ("boss@contoso.com", "Sales")
    assert updated["email"] == "ann.lee@contoso.com"

    off = scim.patch(f"/Users/{ann['id']}", [{"op": "Replace", "path": "active", "value": "False"}])
    assert off.status_code == 200
    assert off.json["active"] is False
    assert emitted(events.USER_DEACTIVATED.name)[-1]["learner_id"] == "ann@contoso.com"


def test_okta_sequence_replaces_without_a_path_and_adds_members(scim, emitted):
    ann = scim.create_user("ann@okta.example")
    bob = scim.create_user("bob@okta.example")
    team = scim.create_group("Okta Team")
    renamed = scim.patch(
        f"/Users/{ann['id']}",
        [
            {
                "op": "replace",
                "value": {"displayName": "Ann L", "name": {"givenName": "Ann", "familyName": "L"}},
            }
        ],
    )
    assert renamed.status_code == 200
    assert renamed.json["displayName"] == "Ann L"
    added = scim.patch(
        f"/Groups/{team['id']}",
        [
            {
                "op": "add",
                "path": "members",
                "value": [{"value": ann["id"], "display": "Ann L"}, {"value": bob["id"]}],
            }
        ],
    )
    assert [m["value"] for m in added.json["members"]] == [ann["id"], bob["id"]]
    assert emitted(events.TEAM_CHANGED.name)[-1]["members"] == ["ann@okta.example", "bob@okta.example"]
    off = scim.patch(f"/Users/{bob['id']}", [{"op": "replace", "value": {"active": False}}])
    assert off.json["active"] is False
    assert emitted(events.USER_DEACTIVATED.name)[-1]["learner_id"] == "bob@okta.example"


def test_members_are_removed_by_filtered_path_and_by_entra_value(scim, emitted):
    people = [scim.create_user(f"m{n}@example.org") for n in range(3)]
    team = scim.create_group("Removals", [p["id"] for p in people])
    by_path = scim.patch(
        f"/Groups/{team['id']}", [{"op": "remove", "path": f'members[value eq "{people[0]["id"]}"]'}]
    )
    assert [m["value"] for m in by_path.json["members"]] == [people[1]["id"], people[2]["id"]]
    by_value = scim.patch(
        f"/Groups/{team['id']}", [{"op": "Remove", "path": "members", "value": [{"value": people[1]["id"]}]}]
    )
    assert [m["value"] for m in by_value.json["members"]] == [people[2]["id"]]
    assert emitted(events.TEAM_CHANGED.name)[-1]["members"] == ["m2@example.org"]


def test_a_team_manager_is_set_through_the_lms_extension_and_announced(scim, emitted):
    lead = scim.create_user("lead@example.org")
    team = scim.create_group("Led")
    extension = "urn:lms:params:scim:schemas:extension:team:2.0:Group"
    response = scim.patch(
        f"/Groups/{team['id']}",
        [{"op": "add", "path": f"{extension}:manager", "value": {"value": lead["id"]}}],
    )
    assert response.status_code == 200, response.json
    assert response.json[extension]["manager"]["value"] == lead["id"]
    assert emitted(events.TEAM_CHANGED.name)[-1]["manager_learner_id"] == "lead@example.org"


def test_a_new_user_name_is_announced_for_reports_and_teams(scim, emitted):
    boss = scim.create_user("old-boss@example.org")
    report = scim.create_user("report@example.org", **{ENTERPRISE: {"manager": {"value": boss["id"]}}})
    scim.create_group("Bosses", [boss["id"]])
    scim.patch(
        f"/Users/{boss['id']}", [{"op": "replace", "path": "userName", "value": "new-boss@example.org"}]
    )
    assert emitted(events.TEAM_CHANGED.name)[-1]["members"] == ["new-boss@example.org"]
    latest_for_report = [e for e in emitted(events.USER_UPDATED.name) if e["user_id"] == report["id"]][-1]
    assert latest_for_report["manager_learner_id"] == "new-boss@example.org"


def test_a_patch_that_changes_nothing_keeps_the_version_and_announces_nothing(scim, emitted):
    ann = scim.create_user("same@example.org", displayName="Same")
    before = len(emitted())
    response = scim.patch(f"/Users/{ann['id']}", [{"op": "replace", "path": "displayName", "value": "Same"}])
    assert response.headers["ETag"] == 'W/"1"'
    assert len(emitted()) == before
