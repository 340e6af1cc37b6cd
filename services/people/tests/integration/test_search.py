"""`POST /Users/.search` and `POST /Groups/.search` (RFC 7644 section 3.4.3): a SearchRequest in
the body instead of the query string, answered like a GET of the collection."""

from __future__ import annotations

LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
SEARCH = "urn:ietf:params:scim:api:messages:2.0:SearchRequest"


def test_users_are_searched_with_a_search_request_body(scim):
    for name in ("sam@example.org", "sue@example.org", "tom@example.org"):
        scim.create_user(name, displayName=name.split("@")[0].title())
    body = {
        "schemas": [SEARCH],
        "filter": 'userName sw "s"',
        "attributes": ["userName"],
        "sortBy": "userName",
        "sortOrder": "descending",
        "startIndex": 1,
        "count": 1,
    }
    response = scim.post("/Users/.search", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.content_type == "application/scim+json"
    found = response.json
    assert (found["schemas"], found["totalResults"], found["itemsPerPage"]) == ([LIST], 2, 1)
    (user,) = found["Resources"]
    assert user["userName"] == "sue@example.org"
    assert "displayName" not in user


def test_groups_are_searched_with_excluded_attributes(scim):
    ann = scim.create_user("ann@example.org")
    scim.create_group("Support", [ann["id"]])
    body = {"schemas": [SEARCH], "filter": 'displayName eq "Support"', "excludedAttributes": ["members"]}
    response = scim.post("/Groups/.search", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)
    (team,) = response.json["Resources"]
    assert team["displayName"] == "Support"
    assert "members" not in team


def test_a_search_with_a_bad_filter_or_body_is_a_scim_400(scim):
    bad_filter = scim.post("/Users/.search", json={"schemas": [SEARCH], "filter": "userName eq"})
    assert (bad_filter.status_code, bad_filter.json["scimType"]) == (400, "invalidFilter")
    not_an_object = scim.post("/Users/.search", json=["filter"])
    assert (not_an_object.status_code, not_an_object.json["scimType"]) == (400, "invalidSyntax")
