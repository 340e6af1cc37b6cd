"""Who is a team's manager in insights: the same rule as everywhere (lms.kit.access). A team's
figures are for HR, admins, its named manager and whoever manages every member; a line manager
of most of a team does not see it, nor does a member."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import select

from lms.insights.db import teams, users

from .factories import EVENTS, team, user
from .test_needs_analyses import known


def people(bus, engine, lines: dict[str, str | None]) -> None:
    for learner, manager in lines.items():
        bus.send(EVENTS["user"], user(learner, manager))
    last = list(lines)[-1]
    bus.settle(lambda: known(engine, users, users.c.learner_id, last))


def a_team(bus, engine, members: list[str], manager: str | None) -> str:
    team_id = str(uuid.uuid4())
    bus.send(EVENTS["team"], team(team_id, members, manager))
    bus.settle(lambda: known(engine, teams, teams.c.team_id, team_id))
    return team_id


def analysis_body(team_id: str, clock) -> dict:
    return {
        "team_id": team_id,
        "survey_id": "s",
        "opens_at": clock.now.isoformat(),
        "closes_at": (clock.now + timedelta(days=1)).isoformat(),
    }


def test_a_line_manager_of_most_of_a_team_sees_none_of_its_figures(api, bus, engine, clock):
    tag = uuid.uuid4().hex[:6]
    lead, other = f"lead-{tag}", f"other-{tag}"
    a, b, c = (f"{n}-{tag}" for n in "abc")
    people(bus, engine, {lead: None, other: None, a: lead, b: lead, c: other})
    team_id = a_team(bus, engine, [a, b, c], None)
    who = (lead, "learner")
    assert api.get(f"/teams/{team_id}/kpis", who).status_code == 404
    assert api.get(f"/teams/{team_id}/impact?course_id=c", who).status_code == 404
    assert api.get(f"/dashboard/charts?team_id={team_id}", who).status_code == 404
    assert api.post("/needs-analyses", who, json=analysis_body(team_id, clock)).status_code == 403
    row = {"team_id": team_id, "metric": "csat", "period_start": "2026-01-01", "period_end": "2026-01-31"}
    assert api.post("/kpis", who, json=[{**row, "value": 4.0}]).status_code == 403
    with engine.connect() as conn:
        assert conn.execute(select(teams.c.team_id).where(teams.c.team_id == team_id)).first()


def test_a_manager_of_every_member_sees_the_team_and_a_member_never_does(api, bus, engine, clock):
    tag = uuid.uuid4().hex[:6]
    lead, named = f"lead-{tag}", f"named-{tag}"
    a, b = f"a-{tag}", f"b-{tag}"
    people(bus, engine, {lead: None, named: None, a: lead, b: lead})
    team_id = a_team(bus, engine, [a, b], named)
    for who in ((lead, "learner"), (named, "learner")):
        assert api.get(f"/teams/{team_id}/kpis", who).status_code == 200
    analysis = api.post("/needs-analyses", (lead, "learner"), json=analysis_body(team_id, clock))
    assert analysis.status_code == 201, analysis.get_json()
    assert api.get(f"/needs-analyses/{analysis.get_json()['id']}", (named, "learner")).status_code == 200
    assert api.get(f"/needs-analyses/{analysis.get_json()['id']}", (a, "learner")).status_code == 404
    assert api.get(f"/teams/{team_id}/kpis", (a, "learner")).status_code == 404
