"""The world the authorisation sweep walks: two teams with their managers and learners, two
authors, HR, a SCIM-only API key and an ops API key, each owning something, seeded once through
the gateway (the directory by SCIM, content by its authors, work by its learners)."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx

from lms.tools.journeys import eventually

SCIM_USER = "urn:ietf:params:scim:schemas:core:2.0:User"
SCIM_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
TEAM_EXTENSION = "urn:lms:params:scim:schemas:extension:team:2.0:Group"
SLOW = 120  # seconds: people -> relay -> Kafka -> progress and insights, on a shared machine
PEOPLE = {  # principal -> roles of their token
    "manager-a": ("learner",),
    "manager-b": ("learner",),
    "learner-a1": ("learner",),
    "learner-a2": ("learner",),
    "learner-b1": ("learner",),
    "learner-b2": ("learner",),
    "author-1": ("author",),
    "author-2": ("author",),
    "hr": ("hr",),
}
KEYS = {  # principal -> the API key's roles and scopes
    "scim-key": (["learner"], ["scim"]),  # reaches the directory by its scope, and nothing else
    "ops-key": (["ops"], []),
}
PRINCIPALS = (*PEOPLE, *KEYS)
QUIZ_ITEM = {
    "kind": "single_choice",
    "prompt": "What does the customer need?",
    "points": 1,
    "competency": "questioning",
    "options": [{"id": "a", "text": "Ask", "correct": True}, {"id": "b", "text": "Guess", "correct": False}],
}


def cmi5_xml(run: str) -> bytes:
    """A bare cmi5.xml: one AU at an absolute URL (no files to store)."""
    title, about = "<langstring>Sweep AU</langstring>", "<langstring>x</langstring>"
    text = f"<title>{title}</title><description>{about}</description>"
    return (
        "<?xml version='1.0'?><courseStructure xmlns='https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd'>"
        f"<course id='https://sweep.example/{run}'>{text}</course>"
        f"<au id='https://sweep.example/{run}/au' moveOn='Completed'>{text}"
        "<url>https://content.sweep.example/au/index.html</url></au></courseStructure>"
    ).encode()


def ok(response: httpx.Response, *statuses: int) -> Any:
    assert response.status_code in (statuses or (200,)), f"{response.request.url}: {response.text}"
    return response.json() if response.content else None


class World:
    """Every principal's headers and the ids of what they own, made through the gateway."""

    def __init__(self, suite: Any):
        self.suite, self.run = suite, uuid.uuid4().hex[:6]
        self.clients: dict[str, httpx.Client] = {}
        self.headers: dict[str, dict[str, str]] = {
            name: {"Authorization": f"Bearer {suite.token(self.id(name), *roles)}"}
            for name, roles in PEOPLE.items()
        }
        self.headers["admin"] = {"Authorization": f"Bearer {suite.token(self.id('admin'), 'admin')}"}
        self.ids: dict[str, str] = {"collaborator": self.id("author-3"), "learner_a1": self.id("learner-a1")}
        admin = self.as_("admin")
        for name, (roles, scopes) in KEYS.items():
            key = ok(
                admin.post("/api-keys", json={"name": self.id(name), "roles": roles, "scopes": scopes}),
                201,
            )
            self.headers[name] = {"X-API-Key": key["key"]}
        self.ids["key_id"] = ok(
            admin.post("/api-keys", json={"name": self.id("spare"), "roles": ["hr"]}), 201
        )["id"]
        self.directory()
        self.content()
        self.work()

    def id(self, name: str) -> str:
        """The learner id (token subject, SCIM userName) of a person of this world."""
        return f"sweep-{self.run}-{name}"

    def as_(self, principal: str) -> httpx.Client:
        """A client as one of PRINCIPALS, or as `admin` (never swept: admins may do everything);
        one per principal, kept open, so a sweep of hundreds of calls reuses its connections."""
        if principal not in self.clients:
            url = f"{self.suite.url}/api/v1"
            self.clients[principal] = httpx.Client(base_url=url, headers=self.headers[principal], timeout=30)
        return self.clients[principal]

    def close(self) -> None:
        for client in self.clients.values():
            client.close()

    def directory(self) -> None:
        """Managers, their learners (manager lines) and two teams naming their managers, by SCIM."""
        scim = httpx.Client(
            base_url=f"{self.suite.url}/scim/v2",
            headers={"Authorization": f"Bearer {self.headers['scim-key']['X-API-Key']}"},
            timeout=30,
        )
        with scim:
            for side in ("a", "b"):
                manager = self.user(scim, f"manager-{side}", None)
                members = [self.user(scim, f"learner-{side}{n}", manager) for n in (1, 2)]
                group = {
                    "schemas": [SCIM_GROUP, TEAM_EXTENSION],
                    "displayName": f"Sweep team {side} {self.run}",
                    "members": [{"value": m} for m in members],
                    TEAM_EXTENSION: {"manager": {"value": manager}},
                }
                self.ids[f"team_{side}"] = ok(scim.post("/Groups", json=group), 201)["id"]

    def user(self, scim: httpx.Client, name: str, manager: str | None) -> str:
        body: dict[str, Any] = {"schemas": [SCIM_USER, ENTERPRISE], "userName": self.id(name)}
        if manager:
            body[ENTERPRISE] = {"manager": {"value": manager}}
        return ok(scim.post("/Users", json=body), 201)["id"]

    def content(self) -> None:
        """author-1's published course (a module of lessons and a cmi5 module, with a collaborator)
        and published quiz; the lesson the sweep names is the cmi5 module's AU."""
        slug = f"sweep-{self.run}"
        author = self.as_("author-1")
        quiz = {"slug": f"{slug}-quiz", "title": "Sweep quiz", "kind": "quiz", "pass_mark": 0.5}
        quiz |= {"max_attempts": None, "shuffle": False, "items": [QUIZ_ITEM]}
        self.quiz = quiz
        self.ids["assessment_id"] = ok(author.post("/assessments", json=quiz), 201)["id"]
        ok(author.post(f"/assessments/{self.ids['assessment_id']}/publish"), 201)
        published = ok(author.get(f"/assessments/{self.ids['assessment_id']}"))
        self.ids["item_id"] = published["items"][0]["id"]
        self.package = {
            "slug": slug,
            "title": "Sweep course",
            "summary": "sweep",
            "topics": ["sweep"],
            "modules": [
                {"key": "m1", "title": "Only", "lessons": [{"key": "l1", "title": "L", "body": "B"}]}
            ],
        }
        self.ids["course_id"] = ok(author.post("/course-packages", json=self.package), 200, 201)["course_id"]
        self.cmi5_xml = cmi5_xml(self.run)
        into = {"course_id": self.ids["course_id"], "publish": "true"}
        xml = {"Content-Type": "application/xml"}
        ok(author.post("/cmi5-packages", params=into, content=self.cmi5_xml, headers=xml), 200)
        course = ok(author.get(f"/courses/{self.ids['course_id']}"))
        self.ids["module_id"] = course["modules"][0]["id"]
        self.ids["lesson_id"] = course["modules"][1]["lessons"][0]["id"]
        team = {"collaborators": [self.ids["collaborator"]]}
        ok(author.put(f"/courses/{self.ids['course_id']}/collaborators", json=team))
        ok(author.put(f"/assessments/{self.ids['assessment_id']}/collaborators", json=team))

    def work(self) -> None:
        """HR's team assignment, webhook and feed; learner-a1's enrolment and attempt; the team's
        needs analysis and a KPI value; once progress and insights know the teams."""
        team_a, course_id = self.ids["team_a"], self.ids["course_id"]
        hr = self.as_("hr")
        for team in (team_a, self.ids["team_b"]):
            eventually(lambda t=team: _known_team(hr, t), SLOW)
            eventually(lambda t=team: hr.get(f"/teams/{t}/kpis").status_code == 200, SLOW)

        def assigned() -> dict | None:
            made = hr.post(
                "/assignments", json={"course_id": course_id, "team_id": team_a, "due_in_days": 30}
            )
            return made.json() if made.status_code == 201 else None

        self.ids["assignment_id"] = eventually(assigned, SLOW)["id"]
        (enrolment,) = ok(hr.get("/enrolments", params={"learner_id": self.id("learner-a1")}))
        self.ids["enrolment_id"] = enrolment["id"]
        hook = {"url": "http://127.0.0.1:9/hooks", "event_types": ["lms.progress.course.completed.v1"]}
        self.ids["webhook_id"] = ok(hr.post("/webhooks", json=hook), 201)["id"]
        learner = self.as_("learner-a1")
        launches = f"/enrolments/{enrolment['id']}/aus/{self.ids['lesson_id']}/launches"
        launched = eventually(
            lambda: (r := learner.post(launches, json={})).status_code == 201 and r.json(), SLOW
        )
        self.ids["session_id"] = launched["session_id"]
        started = learner.post(f"/assessments/{self.ids['assessment_id']}/attempts", json={})
        self.ids["attempt_id"] = ok(started, 201)["attempt_id"]
        manager = self.as_("manager-a")
        analysis = manager.post("/needs-analyses", json=self.analysis_body())
        self.ids["analysis_id"] = ok(analysis, 201)["id"]
        ops = self.as_("ops-key")
        ok(ops.post("/kpis", json=[self.kpi_row(4.2)]))

    def path_ids(self) -> dict[str, str]:
        """A value for every path parameter of the API: this world's objects."""
        return {
            **self.ids,
            "sub": self.ids["collaborator"],
            "learner_id": self.id("learner-a1"),
            "team_id": self.ids["team_a"],
            "delivery_id": str(uuid.uuid4()),
        }

    def agent(self, name: str) -> str:
        """The xAPI agent (JSON) of a person of this world, as progress names learners."""
        return json.dumps({"account": {"homePage": "https://lms.example", "name": self.id(name)}})

    def analysis_body(self) -> dict[str, Any]:
        return {
            "team_id": self.ids["team_a"],
            "survey_id": self.ids["assessment_id"],
            "opens_at": "2026-01-01T00:00:00Z",
            "closes_at": "2099-01-01T00:00:00Z",
        }

    def kpi_row(self, value: float) -> dict[str, Any]:
        period = {"period_start": "2026-01-01", "period_end": "2026-01-31"}
        return {"team_id": self.ids["team_a"], "metric": "csat", **period, "value": value}

    def draft_etag(self, kind: str) -> dict[str, str]:
        """The If-Match of author-1's current draft (`courses` or `assessments`)."""
        key = "course_id" if kind == "courses" else "assessment_id"
        author = self.as_("author-1")
        reply = author.get(f"/{kind}/{self.ids[key]}", params={"version": "draft"})
        return {"If-Match": ok(reply) and reply.headers["ETag"]}


def _known_team(hr: httpx.Client, team_id: str) -> bool:
    return any(t["id"] == team_id and t["member_count"] == 2 for t in hr.get("/teams").json()["items"])
