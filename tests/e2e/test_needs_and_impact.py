"""Issue 15 through the gateway: teams from SCIM, a needs analysis answered by real learners, its
report (and a team too small to report on), nobody's survey answers anywhere, KPIs and impact."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from lms.tools.importer import Importer
from lms.tools.journeys import Learner, course_by_slug, definitions, eventually, responses

pytestmark = pytest.mark.integration
COURSES = Path(__file__).parents[2] / "courses"
SCIM_USER = ["urn:ietf:params:scim:schemas:core:2.0:User"]
SCIM_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
TEAM_EXTENSION = "urn:lms:params:scim:schemas:extension:team:2.0:Group"
SURVEY = definitions(COURSES / "service-needs-check")["service-needs-check"]
DIAGNOSTIC = definitions(COURSES / "questioning-skills")["questioning-skills-diagnostic"]
RUSHED = {"system:metrics": 5, "wellbeing:emotional-load": 5, "competency:asking-about-impact": 4}
CALM = {"system:metrics": 2, "wellbeing:emotional-load": 1, "competency:asking-about-impact": 2}


def survey_answers(agree: dict[str, int]) -> list[dict[str, Any]]:
    """Likert values per `measures` tag (2 = mild disagreement elsewhere); the first choice option."""
    answers = []
    for item in SURVEY["items"]:
        if item["kind"] == "likert":
            answers.append({"item_id": item["id"], "value": agree.get(item["measures"], 2)})
        else:
            answers.append({"item_id": item["id"], "option_ids": [item["options"][0]["id"]]})
    return answers


def weak_on_impact() -> list[dict[str, Any]]:
    """The diagnostic answered well except on asking about impact."""
    best, worst = responses(DIAGNOSTIC, best=True), responses(DIAGNOSTIC, best=False)
    weak = {i["id"] for i in DIAGNOSTIC["items"] if i["competency"] == "asking-about-impact"}
    return [w if b["item_id"] in weak else b for b, w in zip(best, worst, strict=True)]


class World:
    """Everything the scenarios share: the suite, the directory's teams and the content ids."""

    def __init__(self, suite: Any):
        self.suite, self.run = suite, uuid.uuid4().hex[:6]
        with suite.client("importer", "author", root=True) as author:
            Importer(author).run([COURSES], progress=False)
            self.assessments = {a["slug"]: a["id"] for a in author.get("/api/v1/assessments").json()}
        with suite.client(f"admin-{self.run}", "admin") as admin:
            key = admin.post("/api-keys", json={"name": "idp", "roles": ["hr"], "scopes": ["scim"]})
            assert key.status_code == 201, key.text
        self.scim = httpx.Client(
            base_url=f"{suite.url}/scim/v2",
            timeout=30,
            headers={"Authorization": f"Bearer {key.json()['key']}", "Content-Type": "application/scim+json"},
        )

    def user(self, user_name: str) -> str:
        reply = self.scim.post("/Users", json={"schemas": SCIM_USER, "userName": user_name})
        assert reply.status_code == 201, reply.text
        return reply.json()["id"]

    def team(self, size: int, manager: str) -> tuple[str, list[str]]:
        """A SCIM group of `size` new users managed by `manager`; waits until insights knows it."""
        members = [f"{manager}-agent-{i}" for i in range(size)]
        body = {
            "schemas": [SCIM_GROUP, TEAM_EXTENSION],
            "displayName": f"Team of {manager}",
            "members": [{"value": self.user(m)} for m in members],
            TEAM_EXTENSION: {"manager": {"value": self.user(manager)}},
        }
        reply = self.scim.post("/Groups", json=body)
        assert reply.status_code == 201, reply.text
        team_id = reply.json()["id"]
        with self.suite.client(f"hr-{self.run}", "hr") as hr:
            eventually(lambda: hr.get(f"/teams/{team_id}/kpis").status_code == 200, timeout_s=120)
        return team_id, members

    def open_analysis(self, manager: str, team_id: str) -> dict[str, Any]:
        now = datetime.now(UTC)
        body = {
            "team_id": team_id,
            "survey_id": self.assessments["service-needs-check"],
            "leader_questionnaire_id": self.assessments["leader-operations-questionnaire"],
            "opens_at": now.isoformat(),
            "closes_at": (now + timedelta(days=14)).isoformat(),
        }
        with self.suite.client(manager, "manager") as lead:
            reply = lead.post("/needs-analyses", json=body)
        assert reply.status_code == 201, reply.text
        return reply.json()

    def respond(self, learner: str, analysis_id: str, agree: dict[str, int]) -> str:
        with self.suite.client(learner, "learner") as http:
            survey = self.assessments["service-needs-check"]
            started = http.post(f"/assessments/{survey}/attempts", json={"needs_analysis_id": analysis_id})
            assert started.status_code == 201, started.text
            attempt = started.json()["attempt_id"]
            submitted = http.post(f"/attempts/{attempt}/submit", json={"responses": survey_answers(agree)})
            assert submitted.status_code == 200, submitted.text
            Learner(http).take(self.assessments["questioning-skills-diagnostic"], weak_on_impact())
        return attempt

    def close(self, manager: str, analysis: dict[str, Any], respondents: int) -> dict[str, Any]:
        """Close, then the report once assessment's release has arrived and it is frozen."""
        with self.suite.client(manager, "manager") as lead:
            path = f"/needs-analyses/{analysis['id']}"
            eventually(lambda: lead.get(path).json()["respondents"] == respondents, timeout_s=120)
            assert lead.post(f"{path}/close").status_code == 200
            return eventually(
                lambda: (r := lead.get(f"{path}/report").json())["status"] == "closed" and r, timeout_s=120
            )


@pytest.fixture(scope="module")
def world(suite) -> World:
    return World(suite)


@pytest.fixture(scope="module")
def eight(world: World) -> dict[str, Any]:
    """A team of 8: six rushed by call targets with no time to recover, all weak on impact."""
    manager = f"lead8-{world.run}"
    team_id, members = world.team(8, manager)
    analysis = world.open_analysis(manager, team_id)
    attempts = [world.respond(m, analysis["id"], RUSHED if i < 6 else CALM) for i, m in enumerate(members)]
    report = world.close(manager, analysis, respondents=8)
    return {
        "manager": manager,
        "team_id": team_id,
        "members": members,
        "analysis": analysis,
        "attempts": attempts,
        "report": report,
    }


@pytest.fixture(scope="module")
def four(world: World) -> dict[str, Any]:
    manager = f"lead4-{world.run}"
    team_id, members = world.team(4, manager)
    analysis = world.open_analysis(manager, team_id)
    for member in members:
        world.respond(member, analysis["id"], RUSHED)
    report = world.close(manager, analysis, respondents=4)
    return {
        "manager": manager,
        "team_id": team_id,
        "members": members,
        "analysis": analysis,
        "report": report,
    }


def test_the_report_separates_system_causes_from_the_skill_gap_training_can_fix(eight):
    report = eight["report"]
    assert (report["respondents"], report["invited"], report["response_rate"]) == (8, 8, 1.0)
    shares = {c["cause"]: c["share"] for c in report["causes"]}
    assert shares["system:metrics"] == 0.75
    assert shares["wellbeing:emotional-load"] == 0.75
    system = {c["cause"]: [m["key"] for m in c["leader_modules"]] for c in report["system_causes"]}
    assert system == {
        "system:metrics": ["metrics-that-work-against-service"],
        "wellbeing:emotional-load": ["supporting-emotional-load"],
    }
    gaps = {g["competency"]: [m["key"] for m in g["recommended_modules"]] for g in report["skill_gaps"]}
    assert "things-and-people" in gaps["asking-about-impact"]
    assert "Training alone will not fix" in report["verdict"]
    assert "system:metrics" in report["verdict"]


def test_a_team_of_four_gets_no_aggregate_anywhere(world, four):
    assert four["report"] == {
        "respondents": 4,
        "invited": 4,
        "min_group_size": 5,
        "suppressed": True,
        "status": "closed",
        "reason": "Not enough responses: 4 of at least 5 needed.",
    }
    with world.suite.client(f"hr-{world.run}", "hr") as hr:
        analysis = hr.get(f"/needs-analyses/{four['analysis']['id']}").json()
        query = {"team_id": four["team_id"], "needs_analysis_id": four["analysis"]["id"]}
        charts = hr.get("/dashboard/charts", params=query).json()
    assert not {"causes", "skill_gaps", "system_causes", "verdict"} & set(analysis)
    assert charts["causes"] is None
    assert "Not enough responses" in charts["causes_note"]


SCORES = {"score", "scores", "percent", "value", "share", "strength", "max_score"}
ANSWER_FIELDS = {"value", "option_ids", "text"}


def json_of(client: httpx.Client, path: str, **params: str) -> tuple[int, Any]:
    reply = client.get(path, params=params)
    assert reply.status_code < 500, (path, reply.text)
    return reply.status_code, reply.json()


def leaks(node: Any, people: set[str]) -> list[Any]:
    """Objects that put one of `people` beside a score or a tag, and any raw answer to an item."""
    found = []
    if isinstance(node, dict):
        scored = any(node.get(k) is not None for k in SCORES) or any(":" in str(k) for k in node)
        if scored and people & {v for v in node.values() if isinstance(v, str)}:
            found.append(node)
        if ("item_id" in node and ANSWER_FIELDS & set(node)) or node.get("responses") or node.get("answers"):
            found.append(node)
        node = list(node.values())
    if isinstance(node, list):
        for child in node:
            found += leaks(child, people)
    return found


def test_no_endpoint_shows_anyone_one_persons_survey_answers(world, eight, four):
    analysis, team_id = eight["analysis"]["id"], eight["team_id"]
    paths = [
        (f"/needs-analyses/{analysis}", {}),
        (f"/needs-analyses/{analysis}/report", {}),
        (f"/needs-analyses/{four['analysis']['id']}/report", {}),
        ("/kpi-metrics", {}),
        (f"/teams/{team_id}/kpis", {}),
        (f"/teams/{team_id}/impact", {"course_id": "any"}),
        ("/dashboard/charts", {"team_id": team_id, "needs_analysis_id": analysis}),
        *[(f"/attempts/{a}", {}) for a in eight["attempts"]],
        (
            f"/assessments/{world.assessments['service-needs-check']}/attempts",
            {"learner_id": eight["members"][0]},
        ),
    ]
    people = set(eight["members"]) | set(four["members"])
    callers = [
        (eight["members"][0], "learner"),
        (eight["manager"], "manager"),
        (f"hr-{world.run}", "hr"),
        (f"admin-{world.run}", "admin"),
    ]
    read = 0
    for sub, role in callers:
        with world.suite.client(sub, role) as client:
            for path, params in paths:
                status, body = json_of(client, path, **params)
                read += status == 200
                assert not leaks(body, people), (sub, path, body)
    assert read >= 3 * 6, "HR, the admin and the manager read the analysis, reports, metrics, KPIs and charts"


def months_from(first: date, count: int) -> list[tuple[date, date]]:
    """`count` calendar months starting with the month of `first`."""
    periods, year, month = [], first.year, first.month
    for _ in range(count):
        nxt = date(year + month // 12, month % 12 + 1, 1)
        periods.append((date(year, month, 1), nxt - timedelta(days=1)))
        year, month = nxt.year, nxt.month
    return periods


def kpi_rows(team_id: str, metric: str, values: list[float]) -> list[dict[str, Any]]:
    """Six months before this one (baseline), this month (training), then the months after."""
    today = date.today()
    start = date(today.year - (today.month <= 6), (today.month - 7) % 12 + 1, 1)
    periods = months_from(start, len(values))
    return [
        {
            "team_id": team_id,
            "metric": metric,
            "period_start": s.isoformat(),
            "period_end": e.isoformat(),
            "value": v,
        }
        for (s, e), v in zip(periods, values, strict=True)
    ]


def complete_course(world: World, learner: str, slug: str) -> str:
    quizzes = definitions(COURSES / slug)
    with world.suite.client(learner, "learner") as http:
        course, me = course_by_slug(http, slug), Learner(http)
        enrolment = me.enrol(course["id"])
        for lesson in (lesson for module in course["modules"] for lesson in module["lessons"]):
            me.complete(enrolment["id"], lesson["id"])
        for module in (m for m in course["modules"] if m.get("assessment_id")):
            assert me.take(module["assessment_id"], responses(quizzes[module["assessment_slug"]], True))[
                "passed"
            ]
        eventually(lambda: http.get(f"/enrolments/{enrolment['id']}").json()["status"] == "completed")
    return course["id"]


BASELINE = [0.70, 0.72, 0.68, 0.70, 0.71, 0.69]
TRAINING = [0.50]
AFTER = [0.80, 0.82, 0.78, 0.80]


def test_impact_on_a_seeded_series_is_reproduced_and_reposts_and_corrections_keep_history(world, eight):
    team_id, manager = eight["team_id"], eight["manager"]
    course_ids = {complete_course(world, m, "questioning-skills") for m in eight["members"][:5]}
    (course_id,) = course_ids
    rows = kpi_rows(team_id, "fcr", BASELINE + TRAINING + AFTER)
    with world.suite.client(f"hr-{world.run}", "hr") as hr, world.suite.client(manager, "manager") as lead:
        assert hr.post("/kpis", json=rows).json() == {
            "received": 11,
            "inserted": 11,
            "corrected": 0,
            "unchanged": 0,
        }
        path = f"/teams/{team_id}/impact"
        impact = eventually(
            lambda: (r := lead.get(path, params={"course_id": course_id}).json())["window"]["closed"] and r,
            timeout_s=120,
        )
        (fcr,) = impact["metrics"]
        assert (fcr["periods_before"], fcr["periods_after"]) == (6, 4)
        assert (fcr["baseline"], fcr["after"]) == (pytest.approx(0.70), pytest.approx(0.80))
        assert (fcr["change"], fcr["change_pct"]) == (pytest.approx(0.10), pytest.approx(14.29))
        assert "caution" not in fcr
        assert "not that the training caused" in impact["note"]

        stored = lead.get(f"/teams/{team_id}/kpis", params={"metric": "fcr"}).json()
        assert hr.post("/kpis", json=rows).json()["unchanged"] == 11
        assert lead.get(f"/teams/{team_id}/kpis", params={"metric": "fcr"}).json() == stored
        assert hr.post("/kpis", json=[{**rows[0], "value": 0.75}]).json()["corrected"] == 1
        first = lead.get(f"/teams/{team_id}/kpis", params={"metric": "fcr"}).json()["items"][0]
        assert first["value"] == 0.75
        assert [h["value"] for h in first["history"]] == [0.70]


def test_bad_kpi_rows_are_refused_whole_with_line_numbers(world, eight, four):
    team_id = four["team_id"]
    (good,) = kpi_rows(team_id, "csat", [4.0])
    month = f"{good['period_start']},{good['period_end']}"
    csv = "\n".join(
        [
            "team_id,metric,period_start,period_end,value",
            f"{team_id},csat,{month},4.0",
            f"{team_id},nps,{month},20",
            f"{team_id},csat,{good['period_start'][:8]}15,{good['period_end']},4.1",
            f"{team_id},aht_seconds,{month},four minutes",
        ]
    )
    with (
        world.suite.client(f"hr-{world.run}", "hr") as hr,
        world.suite.client(eight["manager"], "manager") as lead,
    ):
        refused = hr.post("/kpis", content=csv, headers={"Content-Type": "text/csv"})
        assert refused.status_code == 422
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert set(refused.json()["errors"]) == {"line 3", "line 4", "line 5"}
        not_theirs = lead.post("/kpis", json=[good])
        assert not_theirs.status_code == 403
        assert not_theirs.headers["content-type"].startswith("application/problem+json")
        assert hr.get(f"/teams/{team_id}/kpis", params={"metric": "csat"}).json()["items"] == []
        assert hr.get(f"/teams/{team_id}/kpis", params={"metric": "aht_seconds"}).json()["items"] == []


def test_the_dashboard_page_and_its_vendored_scripts_come_through_the_gateway(suite):
    page = httpx.get(f"{suite.url}/dashboard", timeout=30)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    script = httpx.get(f"{suite.url}/dashboard/static/vega-lite.min.js", timeout=30)
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
