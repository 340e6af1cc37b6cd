"""PATCH on in-memory resources: the shapes identity providers send, and the refusals."""

from __future__ import annotations

import pytest

from lms.people.domain import errors
from lms.people.domain.patching import apply_patch
from lms.people.domain.records import team_record, user_record
from lms.people.domain.resources import ENTERPRISE, TeamResource, UserResource

SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp"


def patch(*operations: dict) -> dict:
    return {"schemas": [SCHEMA], "Operations": list(operations)}


def ann() -> UserResource:
    return UserResource.model_validate(
        {"schemas": [UserResource.__schema__], "id": "u1", "userName": "ann", "active": True}
    )


def test_entra_string_booleans_and_capitalised_ops_deactivate():
    user = ann()
    assert apply_patch(user, patch({"op": "Replace", "path": "active", "value": "False"}))
    assert user_record(user).active is False


def test_entra_manager_given_as_a_bare_id_becomes_the_manager_reference():
    user = ann()
    apply_patch(user, patch({"op": "Add", "path": f"{ENTERPRISE}:manager", "value": "boss-id"}))
    assert user_record(user).manager_id == "boss-id"
    apply_patch(user, patch({"op": "Remove", "path": f"{ENTERPRISE}:manager"}))
    assert user_record(user).manager_id is None


def test_okta_pathless_replace_writes_each_key_of_the_value():
    user = ann()
    apply_patch(user, patch({"op": "replace", "value": {"active": False, "displayName": "Ann L"}}))
    record = user_record(user)
    assert (record.active, record.display_name) == (False, "Ann L")


def test_members_are_added_and_removed_by_filter():
    team = TeamResource.model_validate(
        {"schemas": [TeamResource.__schema__], "id": "t1", "displayName": "T", "members": [{"value": "a"}]}
    )
    apply_patch(team, patch({"op": "add", "path": "members", "value": [{"value": "b"}, {"value": "c"}]}))
    apply_patch(team, patch({"op": "remove", "path": 'members[value eq "a"]'}))
    assert team_record(team).member_ids == ("b", "c")


def test_an_unchanged_value_reports_no_change():
    user = ann()
    assert not apply_patch(user, patch({"op": "replace", "path": "userName", "value": "ann"}))


@pytest.mark.parametrize(
    ("operation", "refusal"),
    [
        ({"op": "remove"}, errors.NoTarget),
        ({"op": "replace", "path": "shoeSize", "value": 1}, errors.InvalidPath),
        ({"op": "replace", "path": "active", "value": "maybe"}, errors.InvalidValue),
        ({"op": "move", "path": "active", "value": True}, errors.InvalidValue),
    ],
)
def test_bad_operations_are_refused_with_their_scim_type(operation: dict, refusal: type):
    with pytest.raises(refusal):
        apply_patch(ann(), patch(operation))


def test_a_body_without_the_patch_schema_is_invalid_syntax():
    with pytest.raises(errors.InvalidSyntax):
        apply_patch(ann(), {"Operations": [{"op": "replace", "path": "active", "value": False}]})
