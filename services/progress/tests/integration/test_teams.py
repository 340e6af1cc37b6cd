"""Teams and managers from the directory's events: who sees what, and team assignments that
follow the team (joiners assigned, leavers' and deactivated people's open work closed)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

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


def test_a_learner_never_reads_a_colleagues_cycle_through_the_team_assignment_they_share(world, org):
    d, course_id = org
    made = post(world, "/assignments", {"course_id": course_id, "team_id": d.id("desk")}, "hana", "hr")
    assert made.status_code == 201, made.get_json()
    bob = rows(world, d.id("desk"), "hana", "hr")[d.id("bob")]
    world.complete(d.id("bob"), bob["enrolment_id"], f"l-{course_id[:6]}")
    (own,) = get(world, f"/assignments?learner_id={d.id('bob')}", d.id("bob"), "learner").get_json()["items"]
    code = own["current_cycle"]["certificate_code"]
    assert code

    colleague = get(world, f"/assignments?learner_id={d.id('bob')}", d.id("cat"), "learner")
    assert colleague.status_code == 200
    assert colleague.get_json()["items"] == []
    assert code not in colleague.get_data(as_text=True)
    manager = get(world, f"/assignments?learner_id={d.id('bob')}", d.id("ann"), "learner").get_json()
    assert [a["current_cycle"]["certificate_code"] for a in manager["items"]] == [code]


def test_one_rule_for_a_teams_manager_across_team_progress_compliance_and_certifications(world, org):
    """ann is bob's line manager; zed is the named manager of a team with bob and dan in it."""
    d, course_id = org
    mixed = d.team("mixed", ["bob", "dan"], manager="zed")
    world.drain()
    made = post(world, "/assignments", {"course_id": course_id, "team_id": mixed}, "hana", "hr")
    assert made.status_code == 201, made.get_json()

    assert set(rows(world, mixed, d.id("ann"), "learner")) == {d.id("bob")}
    report = get(world, f"/reports/compliance?team_id={mixed}", d.id("ann"), "learner")
    assert report.status_code == 200, report.get_json()
    assert [p["learner_id"] for p in report.get_json()["never_started"]] == [d.id("bob")]
    assert report.get_json()["assigned"] == 1

    assert set(rows(world, mixed, d.id("zed"), "learner")) == {d.id("bob"), d.id("dan")}
    whole = get(world, f"/reports/compliance?team_id={mixed}", d.id("zed"), "learner").get_json()
    assert whole["assigned"] == 2
    assert get(world, f"/learners/{d.id('bob')}/certifications", d.id("zed"), "learner").status_code == 200
    assert get(world, f"/learners/{d.id('bob')}/certifications", d.id("ann"), "learner").status_code == 200

    assert get(world, f"/reports/compliance?team_id={mixed}", d.id("cat"), "learner").status_code == 403
    assert get(world, f"/learners/{d.id('bob')}/certifications", d.id("cat"), "learner").status_code == 403
    assert get(world, f"/teams/{mixed}/progress", d.id("cat"), "learner").status_code == 404


def test_team_views_tell_overdue_by_the_services_clock(world, compliance_org):
    org = compliance_org
    org.person("boss")
    org.person("ida", manager="boss")
    team = org.team("late", ["ida"], manager="boss")
    world.drain()
    org.assign("late", due_in_days=7)
    org.clock.now += timedelta(days=8)
    for path in (f"/teams/{team}/progress", "/me/team"):
        (row,) = get(world, path, org.id("boss"), "learner").get_json()["items"]
        assert row["overdue"] is True, path
