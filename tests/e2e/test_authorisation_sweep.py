"""The authorisation sweep: every operation of the merged OpenAPI document is named below, and
each one that names a person or an owned object is called, over one seeded world, as every
principal docs/api.md does not allow: each gets 403 or 404 (or, where the page makes it a
filter, a list without the object) and nothing changes. A new operation fails the test until it
is classified here.

`ROLE` allows whoever holds one of the operation's `x-roles`; a set names the principals (of
`sweep_world.PRINCIPALS`) the page allows for that object. Admins are never swept: they may do
everything. Before the refusals, one allowed principal reads the object (2xx), so a refusal
cannot come from a wrong request; after a mutation is refused, the object (read by its owner or
HR) is what it was before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from lms.gateway.openapi_merge import operations

from .sweep_world import KEYS, PEOPLE, PRINCIPALS, World

pytestmark = pytest.mark.integration
ROLE = frozenset({"<x-roles>"})
AU1, HR, MA, A1, A2, OPS = "author-1", "hr", "manager-a", "learner-a1", "learner-a2", "ops-key"
Built = Callable[[World], Any]


@dataclass(frozen=True)
class Case:
    """One way of naming a person or an owned object in a call, and who may make it."""

    allowed: frozenset[str]
    params: Built = lambda w: {}
    json: Built = lambda w: None
    content: Built = lambda w: None
    headers: Built = lambda w: {}
    hides: Built | None = None  # a filter: a 200 without these strings counts as a refusal
    probe: Callable[[World], tuple[str, str, dict]] | None = None  # (principal, path, params) read


@dataclass(frozen=True)
class Exempt:
    """Names no one else's person or object, or docs/api.md opens it to every caller."""

    why: str


def case(*allowed: str, **kwargs: Any) -> list[Case]:
    return [Case(frozenset(allowed), **kwargs)]


def role(**kwargs: Any) -> list[Case]:
    return [Case(ROLE, **kwargs)]


def read(principal: str, path: str, **params: str) -> Callable[[World], tuple[str, str, dict]]:
    return lambda w: (principal, path.format(**w.ids), {k: v.format(**w.ids) for k, v in params.items()})


def team_a(w: World) -> dict:
    return {"team_id": w.ids["team_a"]}


def learner_a1(w: World) -> dict:
    return {"learner_id": w.id(A1)}


COURSE_DRAFT = read(AU1, "/courses/{course_id}", version="draft")
QUIZ_DRAFT = read(AU1, "/assessments/{assessment_id}", version="draft")
ATTEMPT = read(HR, "/attempts/{attempt_id}")
ENROLMENT = read(HR, "/enrolments/{enrolment_id}")
AUS = read(HR, "/enrolments/{enrolment_id}/aus")
ANYONE = "docs/api.md: any caller"
TABLE: dict[tuple[str, str], list[Case] | Exempt] = {
    ("GET", "/api-keys"): role(),
    ("POST", "/api-keys"): role(
        json=lambda w: {"name": "stolen", "roles": ["admin"]}, probe=read("admin", "/api-keys")
    ),
    ("DELETE", "/api-keys/{key_id}"): role(probe=read("admin", "/api-keys")),
    ("GET", "/assessments"): role(),
    ("POST", "/assessments"): role(json=lambda w: {**w.quiz, "slug": f"stolen-{w.run}"}),
    ("GET", "/assessments/{assessment_id}"): Exempt(ANYONE + " (answer keys only to its editors)"),
    ("PUT", "/assessments/{assessment_id}"): case(
        AU1,
        json=lambda w: {**w.quiz, "title": "Taken"},
        headers=lambda w: w.draft_etag("assessments"),
        probe=QUIZ_DRAFT,
    ),
    ("GET", "/assessments/{assessment_id}/attempts"): case(
        A1, HR, params=learner_a1, hides=lambda w: [w.ids["attempt_id"]]
    ),
    ("POST", "/assessments/{assessment_id}/attempts"): Exempt("a learner starts their own attempt"),
    ("GET", "/assessments/{assessment_id}/collaborators"): case(AU1),
    ("PUT", "/assessments/{assessment_id}/collaborators"): case(
        AU1,
        json=lambda w: {"collaborators": [w.id("author-2")]},
        probe=read(AU1, "/assessments/{assessment_id}/collaborators"),
    ),
    ("DELETE", "/assessments/{assessment_id}/collaborators/{sub}"): case(
        AU1, probe=read(AU1, "/assessments/{assessment_id}/collaborators")
    ),
    ("POST", "/assessments/{assessment_id}/publish"): case(
        AU1, probe=read(AU1, "/assessments/{assessment_id}/versions")
    ),
    ("GET", "/assessments/{assessment_id}/versions"): Exempt(ANYONE),
    ("GET", "/assignments"): [
        Case(frozenset({A1, MA, HR}), params=learner_a1, hides=lambda w: [w.ids["assignment_id"]]),
        Case(frozenset({A1, A2, MA, HR}), params=team_a, hides=lambda w: [w.ids["assignment_id"]]),
    ],
    ("POST", "/assignments"): [
        Case(
            frozenset({MA, HR}),
            json=lambda w: {"course_id": w.ids["course_id"], "team_id": w.ids["team_a"], "due_in_days": 3},
            probe=read(HR, "/assignments", team_id="{team_a}"),
        ),
        Case(
            frozenset({MA, HR}),
            json=lambda w: {"course_id": w.ids["course_id"], "learner_ids": [w.id(A1)], "due_in_days": 3},
            probe=read(HR, "/assignments", learner_id="{learner_a1}"),
        ),
    ],
    ("GET", "/attempts/{attempt_id}"): case(A1, HR),
    ("POST", "/attempts/{attempt_id}/reviews"): role(
        json=lambda w: {"item_id": w.ids["item_id"], "score": 1, "comment": "x"}, probe=ATTEMPT
    ),
    ("POST", "/attempts/{attempt_id}/steps"): case(
        A1, json=lambda w: {"item_id": w.ids["item_id"], "option_ids": ["a"]}, probe=ATTEMPT
    ),
    ("POST", "/attempts/{attempt_id}/submit"): case(
        A1, json=lambda w: {"responses": [{"item_id": w.ids["item_id"], "option_ids": ["a"]}]}, probe=ATTEMPT
    ),
    ("GET", "/certificates/{code}"): Exempt("public verification"),
    ("POST", "/cmi5-packages"): case(
        AU1,
        params=lambda w: {"course_id": w.ids["course_id"]},
        content=lambda w: w.cmi5_xml.replace(b"Sweep AU", b"Taken"),
        headers=lambda w: {"Content-Type": "application/xml"},
        probe=COURSE_DRAFT,
    ),
    ("POST", "/cmi5/fetch/{key}"): Exempt("public: the path is a launch's one-time secret (decision 0097)"),
    ("POST", "/cmi5/sessions/{session_id}/abandon"): case(A1, HR, probe=AUS),
    ("GET", "/completions"): role(),
    ("GET", "/completions.csv"): role(),
    ("POST", "/course-packages"): case(
        AU1,
        json=lambda w: {**w.package, "title": "Taken"},
        headers=lambda w: w.draft_etag("courses"),
        probe=COURSE_DRAFT,
    ),
    ("GET", "/courses"): Exempt(ANYONE),
    ("POST", "/courses"): role(json=lambda w: {"slug": f"stolen-{w.run}", "title": "T", "summary": "S"}),
    ("GET", "/courses/{course_id}"): Exempt(ANYONE + " (drafts: authors)"),
    ("PATCH", "/courses/{course_id}"): case(
        AU1, json=lambda w: {"title": "Taken"}, headers=lambda w: w.draft_etag("courses"), probe=COURSE_DRAFT
    ),
    ("GET", "/courses/{course_id}/collaborators"): case(AU1),
    ("PUT", "/courses/{course_id}/collaborators"): case(
        AU1,
        json=lambda w: {"collaborators": [w.id("author-2")]},
        probe=read(AU1, "/courses/{course_id}/collaborators"),
    ),
    ("DELETE", "/courses/{course_id}/collaborators/{sub}"): case(
        AU1, probe=read(AU1, "/courses/{course_id}/collaborators")
    ),
    ("POST", "/courses/{course_id}/modules"): case(
        AU1,
        json=lambda w: {"title": "Taken", "lessons": [{"title": "T", "body": "B"}]},
        probe=COURSE_DRAFT,
    ),
    ("DELETE", "/courses/{course_id}/modules/{module_id}"): case(
        AU1, headers=lambda w: w.draft_etag("courses"), probe=COURSE_DRAFT
    ),
    ("PATCH", "/courses/{course_id}/modules/{module_id}"): case(
        AU1, json=lambda w: {"title": "Taken"}, headers=lambda w: w.draft_etag("courses"), probe=COURSE_DRAFT
    ),
    ("GET", "/courses/{course_id}/package"): role(),  # docs/api.md: any author exports
    ("POST", "/courses/{course_id}/publish"): case(AU1, probe=read(AU1, "/courses/{course_id}/versions")),
    ("POST", "/courses/{course_id}/retire"): case(AU1, probe=COURSE_DRAFT),
    ("GET", "/courses/{course_id}/versions"): Exempt(ANYONE),
    ("GET", "/dashboard/charts"): case(MA, HR, params=team_a),
    ("GET", "/dashboard/choices"): case(MA, HR, hides=lambda w: [w.ids["team_a"]]),
    ("GET", "/enrolments"): case(A1, HR, params=learner_a1, hides=lambda w: [w.ids["enrolment_id"]]),
    ("POST", "/enrolments"): case(
        A1,
        HR,
        json=lambda w: {"course_id": w.ids["course_id"], "learner_id": w.id(A1)},
        probe=read(HR, "/enrolments", learner_id="{learner_a1}"),
    ),
    ("GET", "/enrolments/{enrolment_id}"): case(A1, HR),
    ("GET", "/enrolments/{enrolment_id}/aus"): case(A1, HR),
    ("POST", "/enrolments/{enrolment_id}/aus/{lesson_id}/launches"): case(A1, probe=AUS),
    ("POST", "/enrolments/{enrolment_id}/aus/{lesson_id}/waive"): case(
        HR, json=lambda w: {"reason": "Administrative"}, probe=AUS
    ),
    ("POST", "/enrolments/{enrolment_id}/lessons/{lesson_id}/complete"): case(A1, probe=ENROLMENT),
    ("POST", "/enrolments/{enrolment_id}/upgrade"): case(A1, HR, probe=ENROLMENT),
    ("GET", "/kpi-metrics"): Exempt(ANYONE),
    ("POST", "/kpi-metrics"): case(
        HR, json=lambda w: {"name": f"stolen_{w.run}", "description": "x"}, probe=read(HR, "/kpi-metrics")
    ),
    ("POST", "/kpis"): case(
        HR, OPS, MA, json=lambda w: [w.kpi_row(1.0)], probe=read(HR, "/teams/{team_a}/kpis")
    ),
    ("GET", "/learners/{learner_id}/certifications"): case(A1, MA, HR),
    ("GET", "/me/certifications"): Exempt("names the caller only"),
    ("GET", "/me/team"): Exempt("names the caller only"),
    ("POST", "/needs-analyses"): case(MA, HR, json=lambda w: w.analysis_body()),
    ("GET", "/needs-analyses/{analysis_id}"): case(MA, HR),
    ("POST", "/needs-analyses/{analysis_id}/close"): case(
        MA, HR, probe=read(HR, "/needs-analyses/{analysis_id}")
    ),
    ("GET", "/needs-analyses/{analysis_id}/report"): case(MA, HR),
    ("GET", "/needs-analyses/{analysis_id}/invitation"): case(A1, A2),  # team A's members: the invitees
    ("GET", "/reports/compliance"): case(MA, HR, params=team_a),
    ("GET", "/reports/compliance.csv"): case(MA, HR, params=team_a),
    ("GET", "/reports/courses/{course_id}"): role(),
    ("GET", "/reports/overdue"): role(),
    ("GET", "/teams"): case(MA, HR, hides=lambda w: [w.ids["team_a"]]),
    ("GET", "/teams/{team_id}/impact"): case(MA, HR, params=lambda w: {"course_id": w.ids["course_id"]}),
    ("GET", "/teams/{team_id}/kpis"): case(MA, HR),
    ("GET", "/teams/{team_id}/progress"): case(MA, HR),
    ("GET", "/webhooks"): role(),
    ("POST", "/webhooks"): role(
        json=lambda w: {
            "url": "http://127.0.0.1:9/stolen",
            "event_types": ["lms.progress.course.completed.v1"],
        },
        probe=read(HR, "/webhooks"),
    ),
    ("DELETE", "/webhooks/{webhook_id}"): role(probe=read(HR, "/webhooks")),
    ("GET", "/webhooks/{webhook_id}/deliveries"): role(),
    ("POST", "/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver"): role(
        probe=read(HR, "/webhooks/{webhook_id}/deliveries")
    ),
    ("GET", "/xapi/statements"): role(params=lambda w: {"agent": w.agent(A1)}),
}


@dataclass
class Sweep:
    world: World
    calls: int = 0
    failures: list[str] = field(default_factory=list)

    def send(self, principal: str, method: str, path: str, c: Case) -> httpx.Response:
        return self.world.as_(principal).request(
            method,
            path,
            params=c.params(self.world),
            json=c.json(self.world),
            content=c.content(self.world),
            headers=c.headers(self.world),
        )

    def probe(self, c: Case) -> Any:
        if c.probe is None:
            return None
        principal, path, params = c.probe(self.world)
        reply = self.world.as_(principal).get(path, params=params)
        assert reply.status_code == 200, f"probe {path} as {principal}: {reply.text}"
        return reply.json()

    def refused(self, reply: httpx.Response, c: Case) -> bool:
        if reply.status_code in (403, 404):
            return reply.headers.get("content-type", "").startswith("application/problem+json")
        hidden = c.hides(self.world) if c.hides else None
        return bool(hidden) and reply.status_code == 200 and not any(h in reply.text for h in hidden)

    def walk(self, method: str, path: str, c: Case, allowed: frozenset[str]) -> None:
        if method == "GET":
            owner = min(allowed, default="admin")
            reply = self.send(owner, method, path, c)
            if reply.status_code != 200:
                self.failures.append(
                    f"{method} {path} as {owner} (allowed): {reply.status_code} {reply.text[:200]}"
                )
                return
        before = self.probe(c)
        for principal in sorted(set(PRINCIPALS) - allowed):
            reply = self.send(principal, method, path, c)
            self.calls += 1
            if not self.refused(reply, c):
                self.failures.append(
                    f"{method} {path} as {principal}: {reply.status_code} {reply.text[:200]}"
                )
        if before != self.probe(c):
            self.failures.append(f"{method} {path}: refused calls changed {c.probe(self.world)[1]}")


def holders(x_roles: list[str]) -> frozenset[str]:
    roles = {**PEOPLE, **{name: tuple(r) for name, (r, _) in KEYS.items()}}
    return frozenset(p for p, held in roles.items() if set(held) & set(x_roles))


@pytest.fixture(scope="module")
def world(suite) -> Iterator[World]:
    seeded = World(suite)
    yield seeded
    seeded.close()


def test_every_operation_naming_a_person_or_an_owned_object_refuses_every_other_principal(suite, world):
    document = httpx.get(f"{suite.url}/openapi.json", timeout=60).raise_for_status().json()
    served = {
        (m, p.removeprefix("/api/v1")): op for m, p, op in operations(document) if p.startswith("/api/v1/")
    }
    assert not set(served) - set(TABLE), (
        f"classify these operations in TABLE: {sorted(set(served) - set(TABLE))}"
    )
    assert not set(TABLE) - set(served), f"no longer served: {sorted(set(TABLE) - set(served))}"
    sweep, swept = Sweep(world), 0
    for (method, path), entry in sorted(TABLE.items()):
        if isinstance(entry, Exempt):
            continue
        swept += 1
        x_roles = served[(method, path)].get("x-roles")
        for c in entry:
            allowed = holders(x_roles) if c.allowed is ROLE else c.allowed
            assert not x_roles or allowed <= holders(x_roles), f"{method} {path}: docs and x-roles disagree"
            sweep.walk(method, path.format(**world.path_ids()), c, allowed)
    print(f"\nauthorisation sweep: {swept} operations x {len(PRINCIPALS)} principals: {sweep.calls} refusals")
    assert sweep.failures == [], "\n".join(sweep.failures)
    assert sweep.calls > 400


def test_the_sweep_world_is_what_it_says(world):
    """Guards the sweep itself: each principal is who the table thinks (a wrong header would make
    every refusal pass)."""
    teams = world.as_(MA).get("/teams").json()["items"]
    assert [t["id"] for t in teams] == [world.ids["team_a"]]
    assert world.as_("scim-key").get("/teams").status_code == 403
    assert world.as_(OPS).post("/kpis", json=[world.kpi_row(4.2)]).json()["unchanged"] == 1
    assert world.as_(A1).get(f"/enrolments/{world.ids['enrolment_id']}").status_code == 200
    assert world.as_(A1).get("/xapi/statements", params={"agent": world.agent(A1)}).status_code == 403
