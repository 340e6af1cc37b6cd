"""People and teams through the gateway: an identity provider provisions over SCIM with an API key,
and progress follows (team assignments reach joiners, leavers' open work closes, completions stay)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from lms.tools.journeys import eventually

pytestmark = pytest.mark.integration
USER = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
SLOW = 90  # seconds: people -> outbox relay -> Kafka -> progress consumer, on a shared machine


class Scim:
    """An identity provider's SCIM client: the API key as a bearer token, like Entra ID and Okta."""

    def __init__(self, suite, key: str, tag: str):
        headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/scim+json"}
        self.http = httpx.Client(base_url=f"{suite.url}/scim/v2", headers=headers, timeout=30)
        self.tag = tag

    def name(self, who: str) -> str:
        return f"{who}-{self.tag}@contoso.example"

    def user(self, who: str, number: str, **extra: Any) -> dict:
        body = {
            "schemas": [USER, ENTERPRISE],
            "userName": self.name(who),
            "externalId": f"oid-{who}-{self.tag}",
            "name": {"givenName": who.title(), "familyName": "Example"},
            "displayName": who.title(),
            "emails": [{"value": self.name(who), "type": "work", "primary": True}],
            "active": True,
            ENTERPRISE: {"employeeNumber": number, "department": "Support"},
            **extra,
        }
        return ok(self.http.post("/Users", json=body), 201)

    def group(self, name: str, members: list[str] = ()) -> dict:
        body = {
            "schemas": [GROUP],
            "displayName": f"{name} {self.tag}",
            "members": [{"value": m} for m in members],
        }
        return ok(self.http.post("/Groups", json=body), 201)

    def patch(self, path: str, *operations: dict) -> httpx.Response:
        return self.http.patch(path, json={"schemas": [PATCH], "Operations": list(operations)})


def ok(response: httpx.Response, status: int = 200) -> dict:
    assert response.status_code == status, response.text
    return response.json()


def api_key(suite, scopes: list[str]) -> str:
    with suite.client("root", "admin") as admin:
        body = {"name": f"idp-{uuid.uuid4().hex[:6]}", "roles": ["hr"], "scopes": scopes}
        return ok(admin.post("/api-keys", json=body), 201)["key"]


@pytest.fixture(scope="module")
def scim_key(suite) -> str:
    return api_key(suite, ["scim"])


@pytest.fixture
def scim(suite, scim_key):
    client = Scim(suite, scim_key, uuid.uuid4().hex[:6])
    yield client
    client.http.close()


@pytest.fixture(scope="module")
def course(suite) -> tuple[str, str]:
    """A published one-lesson course: (course_id, lesson_id)."""
    slug = f"teams-{uuid.uuid4().hex[:6]}"
    lesson = {"key": "l1", "title": "Only lesson", "body": "Ask what the problem means for the customer."}
    package = {
        "slug": slug,
        "title": f"Course {slug}",
        "summary": "e2e",
        "topics": ["e2e"],
        "modules": [{"key": "m1", "title": "Only module", "lessons": [lesson]}],
    }
    with suite.client("author-teams", "author") as author:
        dry = author.post("/course-packages", params={"dry_run": "true"}, json=package)
        precondition = {"If-Match": dry.headers["ETag"]} if "ETag" in dry.headers else {}
        published = author.post(
            "/course-packages", params={"publish": "true"}, json=package, headers=precondition
        )
        assert published.status_code in (200, 201), published.text
        course_id = published.json()["course_id"]
        lesson_id = ok(author.get(f"/courses/{course_id}"))["modules"][0]["lessons"][0]["id"]
    return course_id, lesson_id


def team_in_progress(hr: httpx.Client, team_id: str, size: int) -> dict:
    """Wait until progress knows the team with `size` members."""
    return eventually(
        lambda: next(
            (t for t in hr.get("/teams").json()["items"] if t["id"] == team_id and t["member_count"] == size),
            None,
        ),
        SLOW,
    )


def rows_of(hr: httpx.Client, team_id: str) -> dict[str, dict]:
    return {r["learner_id"]: r for r in ok(hr.get(f"/teams/{team_id}/progress"))["items"]}


def assign_when_known(hr: httpx.Client, course_id: str, team_id: str) -> dict:
    """HR assigns the course to the team, once progress has learned of the course from Kafka."""

    def attempt() -> dict | None:
        made = hr.post("/assignments", json={"course_id": course_id, "team_id": team_id, "due_in_days": 30})
        return made.json() if made.status_code == 201 else None

    return eventually(attempt, SLOW)


def complete_as(suite, learner: str, enrolment_id: str, lesson_id: str) -> None:
    with suite.client(learner, "learner") as http:
        done = ok(http.post(f"/enrolments/{enrolment_id}/lessons/{lesson_id}/complete"))
    assert done["status"] == "completed"


def enrolled_in(hr: httpx.Client, learner: str, course_id: str) -> list[dict] | None:
    """The learner's enrolments in the course, or None while there are none (for `eventually`)."""
    found = hr.get("/enrolments", params={"learner_id": learner}).json()
    return [e for e in found if e["course_id"] == course_id] or None


def in_feed(hr: httpx.Client, learner: str) -> dict | None:
    feed = hr.get("/completions", params={"limit": 1000}).json()["items"]
    return next((c for c in feed if c["learner_id"] == learner), None)


def test_entra_id_provisions_a_team_and_progress_follows_joiners_leavers_and_completions(suite, scim, course):
    course_id, lesson_id = course
    boss, ann, bob, cat = (scim.user(w, f"E{n}") for n, w in enumerate(("boss", "ann", "bob", "cat"), 100))
    for person, op in ((ann, "Add"), (bob, "Replace"), (cat, "Add")):
        manager = {"op": op, "path": f"{ENTERPRISE}:manager", "value": boss["id"]}
        assert ok(scim.patch(f"/Users/{person['id']}", manager))[ENTERPRISE]["manager"]["value"] == boss["id"]
    team = scim.group("Service desk")
    add = {"op": "Add", "path": "members", "value": [{"value": ann["id"]}, {"value": bob["id"]}]}
    assert {m["value"] for m in ok(scim.patch(f"/Groups/{team['id']}", add))["members"]} == {
        ann["id"],
        bob["id"],
    }
    with suite.client("hana", "hr") as hr:
        team_in_progress(hr, team["id"], 2)
        assert assign_when_known(hr, course_id, team["id"])["assigned"] == 2
        ann_row = rows_of(hr, team["id"])[ann["userName"]]
        complete_as(suite, ann["userName"], ann_row["enrolment_id"], lesson_id)

        joiner = {"op": "Add", "path": "members", "value": [{"value": cat["id"]}]}
        ok(scim.patch(f"/Groups/{team['id']}", joiner))
        (enrolment,) = eventually(lambda: enrolled_in(hr, cat["userName"], course_id), SLOW)
        assert enrolment["status"] != "completed"

        leaver = {"op": "Remove", "path": "members", "value": [{"value": ann["id"]}]}
        assert ann["id"] not in {
            m["value"] for m in ok(scim.patch(f"/Groups/{team['id']}", leaver))["members"]
        }
        off = ok(scim.patch(f"/Users/{bob['id']}", {"op": "Replace", "path": "active", "value": "False"}))
        assert off["active"] is False
        assert ok(scim.http.get(f"/Users/{bob['id']}"))["active"] is False

        def settled() -> dict | None:
            rows = rows_of(hr, team["id"])
            bob_closed = rows.get(bob["userName"], {}).get("status") == "closed"
            return rows if bob_closed and ann["userName"] not in rows else None

        rows = eventually(settled, SLOW)
        assert rows[cat["userName"]]["status"] == "not_started"
        completion = eventually(lambda: in_feed(hr, ann["userName"]), SLOW)
        assert (completion["external_id"], completion["employee_number"]) == (ann["externalId"], "E101")
        assert completion["course_id"] == course_id


def test_okta_provisions_with_pathless_replace_filtered_removal_and_put_deactivation(suite, scim, course):
    course_id, lesson_id = course
    lead, dee, eli, fay = (scim.user(w, f"O{n}") for n, w in enumerate(("lead", "dee", "eli", "fay"), 200))
    for person in (dee, eli, fay):
        replace = {
            "op": "replace",
            "value": {
                "displayName": f"{person['displayName']} (Okta)",
                ENTERPRISE: {"manager": {"value": lead["id"]}},
            },
        }
        changed = ok(scim.patch(f"/Users/{person['id']}", replace))
        assert (changed["displayName"], changed[ENTERPRISE]["manager"]["value"]) == (
            f"{person['displayName']} (Okta)",
            lead["id"],
        )
    team = scim.group("Back office")
    ok(
        scim.patch(
            f"/Groups/{team['id']}",
            {"op": "add", "path": "members", "value": [{"value": dee["id"]}, {"value": eli["id"]}]},
        )
    )
    with suite.client("hana", "hr") as hr:
        team_in_progress(hr, team["id"], 2)
        assert assign_when_known(hr, course_id, team["id"])["assigned"] == 2
        dee_row = rows_of(hr, team["id"])[dee["userName"]]
        complete_as(suite, dee["userName"], dee_row["enrolment_id"], lesson_id)

        ok(
            scim.patch(
                f"/Groups/{team['id']}", {"op": "add", "path": "members", "value": [{"value": fay["id"]}]}
            )
        )
        eventually(lambda: enrolled_in(hr, fay["userName"], course_id), SLOW)

        removal = {"op": "remove", "path": f'members[value eq "{dee["id"]}"]'}
        assert dee["id"] not in {
            m["value"] for m in ok(scim.patch(f"/Groups/{team['id']}", removal))["members"]
        }
        current = ok(scim.http.get(f"/Users/{eli['id']}"))
        replaced = ok(scim.http.put(f"/Users/{eli['id']}", json={**current, "active": False}))
        assert replaced["active"] is False

        eventually(lambda: rows_of(hr, team["id"]).get(eli["userName"], {}).get("status") == "closed", SLOW)
        assert rows_of(hr, team["id"])[fay["userName"]]["status"] == "not_started"
        completion = eventually(lambda: in_feed(hr, dee["userName"]), SLOW)
        assert (completion["external_id"], completion["employee_number"]) == (dee["externalId"], "O201")


def test_who_sees_which_team_managers_their_own_learners_none_hr_all_keys_need_the_scope(suite, scim, course):
    course_id, _ = course
    ma, mb = scim.user("manager-a", "A0"), scim.user("manager-b", "B0")
    a1 = scim.user("member-a", "A1", **{ENTERPRISE: {"manager": {"value": ma["id"]}}})
    b1 = scim.user("member-b", "B1", **{ENTERPRISE: {"manager": {"value": mb["id"]}}})
    team_a, team_b = scim.group("Team A", [a1["id"]]), scim.group("Team B", [b1["id"]])
    with suite.client("hana", "hr") as hr:
        for team in (team_a, team_b):
            team_in_progress(hr, team["id"], 1)
            assign_when_known(hr, course_id, team["id"])
        everyone = {t["id"] for t in ok(hr.get("/teams"))["items"]}
        assert {team_a["id"], team_b["id"]} <= everyone
        assert set(rows_of(hr, team_b["id"])) == {b1["userName"]}
        assert {a["team_id"] for a in ok(hr.get("/assignments"))["items"]} >= {team_a["id"], team_b["id"]}

    with suite.client(ma["userName"], "learner") as manager_a:
        eventually(lambda: manager_a.get("/me/team").status_code == 200, SLOW)
        assert [t["id"] for t in ok(manager_a.get("/teams"))["items"]] == [team_a["id"]]
        assert set(rows_of(manager_a, team_a["id"])) == {a1["userName"]}
        assert {r["learner_id"] for r in ok(manager_a.get("/me/team"))["items"]} == {a1["userName"]}
        assert manager_a.get(f"/teams/{team_b['id']}/progress").status_code == 404
        theirs = manager_a.get("/assignments", params={"learner_id": b1["userName"]})
        assert ok(theirs)["items"] == []
        refused = manager_a.post(
            "/assignments", json={"course_id": course_id, "learner_ids": [b1["userName"]]}
        )
        assert refused.status_code == 403, refused.text
        assert refused.headers["content-type"] == "application/problem+json"

    with suite.client(a1["userName"], "learner") as learner:
        assert learner.get("/teams").status_code == 403
        assert learner.get(f"/teams/{team_a['id']}/progress").status_code == 404
        assert learner.get("/me/team").status_code == 403

    unscoped = {"Authorization": f"Bearer {api_key(suite, [])}"}
    before = ok(scim.http.get("/Users", params={"filter": 'userName sw "intruder"'}))["totalResults"]
    intruder = {"schemas": [USER], "userName": f"intruder-{scim.tag}@contoso.example"}
    assert httpx.post(f"{suite.url}/scim/v2/Users", json=intruder, headers=unscoped).status_code == 403
    assert httpx.get(f"{suite.url}/scim/v2/Users").status_code == 401
    assert (
        httpx.get(
            f"{suite.url}/scim/v2/Users", headers={"Authorization": "Bearer lms_0000_guess"}
        ).status_code
        == 401
    )
    after = ok(scim.http.get("/Users", params={"filter": 'userName sw "intruder"'}))["totalResults"]
    assert after == before


def scim_error(response: httpx.Response, status: int, scim_type: str | None) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert (body["schemas"], body["status"], body.get("scimType")) == ([ERROR], str(status), scim_type)
    assert body.get("detail")


def test_bad_scim_input_through_the_gateway_is_a_scim_error_and_changes_nothing(scim):
    ann = scim.user("ann", "X1")
    team = scim.group("Unchanged", [ann["id"]])

    def state() -> tuple:
        user, group = ok(scim.http.get(f"/Users/{ann['id']}")), ok(scim.http.get(f"/Groups/{team['id']}"))
        same_name = ok(scim.http.get("/Users", params={"filter": f'userName eq "{ann["userName"]}"'}))
        return user, group, same_name["totalResults"]

    before = state()
    scim_error(scim.http.get("/Users", params={"filter": 'userName eq "a" and'}), 400, "invalidFilter")
    scim_error(scim.http.get("/Users", params={"filter": '(userName eq "a"'}), 400, "invalidFilter")
    unknown = {"schemas": [USER], "userName": scim.name("shoe"), "shoeSize": 44}
    scim_error(scim.http.post("/Users", json=unknown), 400, "invalidValue")
    scim_error(
        scim.patch(f"/Users/{ann['id']}", {"op": "replace", "path": "shoeSize", "value": 44}),
        400,
        "invalidPath",
    )
    scim_error(scim.patch(f"/Users/{ann['id']}", {"op": "remove"}), 400, "noTarget")
    half = ({"op": "replace", "path": "displayName", "value": "Half"}, {"op": "remove", "path": "nope"})
    scim_error(scim.patch(f"/Users/{ann['id']}", *half), 400, "invalidPath")
    duplicate = {"schemas": [USER], "userName": ann["userName"].upper()}
    scim_error(scim.http.post("/Users", json=duplicate), 409, "uniqueness")
    ghost = {"op": "add", "path": "members", "value": [{"value": str(uuid.uuid4())}]}
    scim_error(scim.patch(f"/Groups/{team['id']}", ghost), 400, "invalidValue")
    assert state() == before
    assert (
        scim.http.get("/Users", params={"filter": f'userName eq "{scim.name("shoe")}"'}).json()[
            "totalResults"
        ]
        == 0
    )
