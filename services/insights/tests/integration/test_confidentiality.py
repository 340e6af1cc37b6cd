"""No endpoint, for any role, and no event returns one person's survey answers.

Every respondent answers with values nobody else gives; a walk over every route of the API as
every role then looks for any of those values, and for any field that could carry answers.
"""

from __future__ import annotations

import json
import math
import uuid
from typing import Any

from sqlalchemy import select

from lms.kit.messaging import outbox

from .factories import EVENTS, LEADERS_COURSE, course, diagnostic
from .test_kpis import month_rows
from .test_needs_analyses import answer, open_analysis, open_team, release

TAGS = ("system:metrics", "system:policy", "wellbeing:emotional-load", "competency:asking-about-impact")
ANSWER_FIELDS = {"scores", "answers", "responses", "response", "measures", "text"}


def sentinel_responses(count: int) -> list[dict[str, float]]:
    """Scores no two respondents share, e.g. 0.6137 / 0.6271 / ..."""
    return [
        {tag: round(0.6 + 0.0137 * (i + 1) + 0.0011 * t, 4) for t, tag in enumerate(TAGS)}
        for i in range(count)
    ]


def numbers_and_keys(value: Any) -> tuple[list[float], set[str]]:
    numbers: list[float] = []
    keys: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            keys.update(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, int | float) and not isinstance(item, bool):
            numbers.append(float(item))
    return numbers, keys


def test_a_walk_over_every_endpoint_as_every_role_finds_no_individual_answer(api, bus, engine, clock):
    lead = f"lead-{uuid.uuid4().hex[:6]}"
    bus.send(EVENTS["course"], course(LEADERS_COURSE))
    team_id, members = open_team(bus, engine, 6, lead)
    for learner in members:
        bus.send(EVENTS["diagnostic"], diagnostic(learner, {"asking-about-impact": 0.2}))
    roles = {
        "hr": (f"hr-{lead}", "hr"),
        "admin": (f"admin-{lead}", "admin"),
        "manager": (lead, "manager"),
        "member": (members[0], "learner"),
        "ops": (f"ops-{lead}", "ops"),
        "stranger": (f"x-{lead}", "learner", "author"),
    }
    responses = sentinel_responses(6)
    analysis = open_analysis(api, clock, roles["manager"], team_id)
    small_team, small_members = open_team(bus, engine, 4, lead)
    small = open_analysis(api, clock, roles["hr"], small_team)
    answer(bus, engine, analysis["id"], members)
    answer(bus, engine, small["id"], small_members)
    api.post("/kpis", roles["ops"], json=month_rows(team_id, "csat", [4.0, 4.1]))

    walk(api, roles, team_id, analysis["id"], small["id"])  # closes the small one (HR may)
    assert api.post(f"/needs-analyses/{analysis['id']}/close", roles["manager"]).status_code == 200
    walk(api, roles, team_id, analysis["id"], small["id"])  # closed, the responses on their way
    release(bus, engine, analysis["id"], responses)
    release(bus, engine, small["id"], sentinel_responses(4))
    clock.advance(days=30)
    walk(api, roles, team_id, analysis["id"], small["id"])

    called = {path.split("?")[0] for _m, path, _r in api.replies}
    assert_every_route_called(api, called, team_id, analysis["id"])
    forbidden = {v for response in responses + sentinel_responses(4) for v in response.values()}
    for method, path, reply in api.replies + outbox_events(engine):
        numbers, keys = numbers_and_keys(reply)
        leaked = [n for n in numbers if any(math.isclose(n, f, abs_tol=1e-9) for f in forbidden)]
        assert not leaked, f"{method} {path} shows an individual score {leaked}"
        assert not keys & ANSWER_FIELDS, f"{method} {path} has an answer field {keys & ANSWER_FIELDS}"
    full = api.get(f"/needs-analyses/{analysis['id']}/report", roles["hr"]).get_json()
    assert full["suppressed"] is False  # the walk saw real aggregates, not only refusals


def walk(api, roles: dict[str, tuple[str, ...]], team_id: str, analysis_id: str, small_id: str) -> None:
    for who in roles.values():
        for aid in (analysis_id, small_id):
            api.get(f"/needs-analyses/{aid}", who)
            api.get(f"/needs-analyses/{aid}/report", who)
            api.get(f"/needs-analyses/{aid}/invitation", who)
            api.get(f"/dashboard/charts?team_id={team_id}&course_id=c&needs_analysis_id={aid}", who)
        api.get("/dashboard/choices", who)
        api.get(f"/dashboard/charts?team_id={team_id}", who)  # the defaults the page opens on
        api.get(f"/teams/{team_id}/kpis", who)
        api.get(f"/teams/{team_id}/impact?course_id=c", who)
        api.get("/kpi-metrics", who)
        api.post("/kpi-metrics", who, json={"name": "x_walk", "description": "walk"})
        api.post(f"/needs-analyses/{small_id}/close", who)
        body = {
            "team_id": team_id,
            "survey_id": "s",
            "opens_at": "2026-01-01T00:00:00Z",
            "closes_at": "2026-01-02T00:00:00Z",
        }
        api.post("/needs-analyses", who, json=body)
        api.post("/kpis", who, json=[])


def assert_every_route_called(api, called: set[str], team_id: str, analysis_id: str) -> None:
    rules = {r.rule for r in api.app.url_map.iter_rules() if r.rule.startswith("/api/v1")}
    filled = {
        rule.replace("<team_id>", team_id).replace("<analysis_id>", analysis_id).removeprefix("/api/v1")
        for rule in rules
    }
    missing = {path for path in filled if path not in called}
    assert not missing, f"the walk did not call {missing}"


def outbox_events(engine) -> list[tuple[str, str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(outbox.c.event_type, outbox.c.payload)).all()
    return [("EVENT", r.event_type, json.loads(r.payload)) for r in rows]
