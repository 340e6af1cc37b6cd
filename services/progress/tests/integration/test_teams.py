"""Teams and managers from the directory's events: who sees what, and team assignments that
follow the team (joiners assigned, leavers' and deactivated people's open work closed)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from lms.contracts import default_registry, events

pytestmark = pytest.mark.integration
REGISTRY = default_registry()


def now() -> str:
    return datetime.now(UTC).isoformat()


class Directory:
    """Sends what the people service would send, validated against the contracts."""

    def __init__(self, world, tag: str):
        self.world, self.tag = world, tag

    def id(self, name: str) -> str:
        return f"{name}-{self.tag}"

    def person(self, name: str, manager: str | None = None, *, active: bool = True, update: bool = False):
        data = {
            "user_id": str(uuid.uuid5(uuid.NAMESPACE_URL, self.id(name))),
            "learner_id": self.id(name),
            "display_name": name.title(),
            "external_id": f"HR-{name}",
            "employee_number": f"E{len(name)}",
            "manager_learner_id": self.id(manager) if manager else None,
            "active": active,
            "occurred_at": now(),
        }
        kind = events.USER_UPDATED if update else events.USER_PROVISIONED
        REGISTRY.validate(kind.name, data)
        self.world.send("people", kind.name, data, data["user_id"])

    def deactivate(self, name: str):
        data = {
            "user_id": str(uuid.uuid5(uuid.NAMESPACE_URL, self.id(name))),
            "learner_id": self.id(name),
            "deleted": False,
            "occurred_at": now(),
        }
        REGISTRY.validate(events.USER_DEACTIVATED.name, data)
        self.world.send("people", events.USER_DEACTIVATED.name, data, data["user_id"])

    def team(self, name: str, members: list[str], manager: str | None = None) -> str:
        data = {
            "team_id": self.id(name),
            "display_name": name.title(),
            "members": [self.id(m) for m in members],
            "manager_learner_id": self.id(manager) if manager else None,
            "deleted": False,
            "occurred_at": now(),
        }
        REGISTRY.validate(events.TEAM_CHANGED.name, data)
        self.world.send("people", events.TEAM_CHANGED.name, data, data["team_id"])
        return data["team_id"]


@pytest.fixture
def org(world):
    """ann manages bob and cat (team "desk"); zed manages dan (team "back"); a course to assign."""
    directory = Directory(world, uuid.uuid4().hex[:8])
    course_id = str(uuid.uuid4())
    world.publish_course(course_id, 1, [{"id": f"m-{course_id[:6]}", "lessons": [f"l-{course_id[:6]}"]}])
    for name, manager in (("ann", None), ("bob", "ann"), ("cat", "ann"), ("zed", None), ("dan", "zed")):
        directory.person(name, manager)
    directory.team("desk", ["bob", "cat"], manager="ann")
    directory.team("back", ["dan"], manager="zed")
    world.drain()
    return directory, course_id


def get(world, path, sub, *roles):
    return world.client.get(f"/api/v1{path}", headers=world.token(sub, *roles))


def post(world, path, body, sub, *roles):
    return world.client.post(f"/api/v1{path}", json=body, headers=world.token(sub, *roles))


def rows(world, team_id, sub, *roles):
    reply = get(world, f"/teams/{team_id}/progress", sub, *roles)
    assert reply.status_code == 200, reply.get_json()
    return {r["learner_id"]: r for r in reply.get_json()["items"]}


def test_hr_sees_every_team_a_manager_only_theirs_and_a_learner_none(world, org):
    d, _ = org
    everyone = {t["id"] for t in get(world, "/teams", "hana", "hr").get_json()["items"]}
    assert {d.id("desk"), d.id("back")} <= everyone
    (desk,) = get(world, "/teams", d.id("ann"), "learner").get_json()["items"]
    assert (desk["id"], desk["member_count"], desk["manager_ids"]) == (d.id("desk"), 2, [d.id("ann")])
    assert get(world, "/teams", d.id("bob"), "learner").status_code == 403
    assert get(world, f"/teams/{d.id('back')}/progress", d.id("ann"), "learner").status_code == 404
    assert get(world, f"/teams/{d.id('desk')}/progress", d.id("dan"), "learner").status_code == 404
    assert get(world, "/me/team", d.id("bob"), "learner").status_code == 403


def test_a_manager_assigns_their_team_and_joiners_get_it_but_not_another_managers_team(world, org):
    d, course_id = org
    made = post(
        world,
        "/assignments",
        {"course_id": course_id, "team_id": d.id("desk"), "due_in_days": 14},
        d.id("ann"),
        "learner",
    )
    assert made.status_code == 201, made.get_json()
    assert made.get_json()["assigned"] == 2
    refused = post(
        world, "/assignments", {"course_id": course_id, "team_id": d.id("back")}, d.id("ann"), "learner"
    )
    assert refused.status_code == 403
    assert get(world, f"/assignments?team_id={d.id('back')}", "hana", "hr").get_json()["items"] == []

    d.person("eve", "ann")
    d.team("desk", ["bob", "cat", "eve"], manager="ann")
    world.drain()
    seen = rows(world, d.id("desk"), d.id("ann"), "learner")
    assert set(seen) == {d.id("bob"), d.id("cat"), d.id("eve")}
    assert {r["status"] for r in seen.values()} == {"not_started"}
    assert all(r["due_at"] and not r["overdue"] for r in seen.values())
    mine = get(world, f"/enrolments?learner_id={d.id('eve')}", "hana", "hr").get_json()
    assert [e["course_id"] for e in mine] == [course_id]
    reports = {r["learner_id"] for r in get(world, "/me/team", d.id("ann"), "learner").get_json()["items"]}
    assert reports == set(seen)


def test_a_deactivated_or_departed_member_has_open_work_closed_and_completions_stay(world, org):
    d, course_id = org
    assert (
        post(
            world, "/assignments", {"course_id": course_id, "team_id": d.id("desk")}, "hana", "hr"
        ).status_code
        == 201
    )
    world.drain()
    cat = rows(world, d.id("desk"), "hana", "hr")[d.id("cat")]
    lesson = f"l-{course_id[:6]}"
    world.complete(d.id("cat"), cat["enrolment_id"], lesson)
    d.deactivate("bob")
    d.team("desk", ["bob"], manager="ann")  # cat leaves the team after completing
    world.drain()
    seen = rows(world, d.id("desk"), "hana", "hr")
    assert seen[d.id("bob")]["status"] == "closed"
    assert get(world, f"/assignments?learner_id={d.id('cat')}", "hana", "hr").get_json()["items"]
    done = get(world, f"/enrolments?learner_id={d.id('cat')}", "hana", "hr").get_json()
    assert [e["status"] for e in done] == ["completed"]
    feed = get(world, "/completions?limit=1000", "hana", "hr").get_json()["items"]
    (item,) = [c for c in feed if c["learner_id"] == d.id("cat")]
    assert (item["external_id"], item["employee_number"]) == ("HR-cat", "E3")


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"team_id": "t", "learner_ids": ["x"]}, 422),
        ({"team_id": "t", "due_at": "2030-01-01T00:00:00Z", "due_in_days": 3}, 422),
        ({"team_id": "t", "due_in_days": -1}, 422),
        ({"team_id": "no-such-team"}, 404),
        ({"learner_ids": []}, 422),
    ],
)
def test_bad_assignments_are_refused_and_create_nothing(world, org, body, status):
    _, course_id = org
    reply = post(world, "/assignments", {"course_id": course_id, **body}, "hana", "hr")
    assert reply.status_code == status, reply.get_json()
    assert reply.content_type == "application/problem+json"
    assert get(world, "/assignments", "hana", "hr").get_json()["items"] == []


def test_a_manager_may_assign_their_reports_by_name_but_not_someone_elses(world, org):
    d, course_id = org
    ok = post(
        world, "/assignments", {"course_id": course_id, "learner_ids": [d.id("bob")]}, d.id("ann"), "learner"
    )
    assert ok.status_code == 201
    assert ok.get_json()["assigned"] == 1
    no = post(
        world, "/assignments", {"course_id": course_id, "learner_ids": [d.id("dan")]}, d.id("ann"), "learner"
    )
    assert no.status_code == 403
    assert get(world, f"/enrolments?learner_id={d.id('dan')}", "hana", "hr").get_json() == []
