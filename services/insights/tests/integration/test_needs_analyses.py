"""Needs analyses end to end inside insights: real events in; invitations, reports and their events out."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

from sqlalchemy import select

from lms.contracts import default_registry, events
from lms.insights.db import needs_analyses, participations, teams
from lms.insights.service.analyses import close_due
from lms.kit.messaging import outbox

from .factories import (
    EVENTS,
    LEADERS_COURSE,
    QUESTIONING_COURSE,
    course,
    diagnostic,
    participated,
    released,
    team,
)

RUSHED = {
    "system:metrics": 1.0,
    "wellbeing:emotional-load": 0.75,
    "system:policy": 0.25,
    "competency:asking-about-impact": 0.75,
}
CALM = {
    "system:metrics": 0.25,
    "wellbeing:emotional-load": 0.25,
    "system:policy": 0.0,
    "competency:asking-about-impact": 0.25,
}


def known(engine, table, column, value) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(table).where(column == value)).first() is not None


def open_team(bus, engine, size: int, manager: str) -> tuple[str, list[str]]:
    team_id, members = str(uuid.uuid4()), [f"agent-{uuid.uuid4().hex[:8]}" for _ in range(size)]
    bus.send(EVENTS["team"], team(team_id, members, manager))
    bus.settle(lambda: known(engine, teams, teams.c.team_id, team_id))
    return team_id, members


def open_analysis(api, clock, who, team_id: str, **extra: str) -> dict:
    body = {
        "team_id": team_id,
        "survey_id": "service-needs-check",
        "opens_at": clock.now.isoformat(),
        "closes_at": (clock.now + timedelta(days=14)).isoformat(),
        **extra,
    }
    reply = api.post("/needs-analyses", who, json=body)
    assert reply.status_code == 201, reply.get_json()
    return reply.get_json()


SURVEY, LEADERS = "service-needs-check", "leader-operations-questionnaire"


def answer(bus, engine, analysis_id: str, members: list[str], survey_id: str = SURVEY) -> None:
    """`members` take part: assessment announces who, and keeps what they answered sealed."""
    for learner in members:
        bus.send(EVENTS["participated"], participated(learner, survey_id, analysis_id))

    def all_in() -> bool:
        with engine.connect() as conn:
            rows = conn.execute(
                select(participations).where(participations.c.needs_analysis_id == analysis_id)
            )
            return len([r for r in rows if r.survey_id == survey_id]) == len(members)

    bus.settle(all_in)


def release(bus, engine, analysis_id: str, responses: list[dict], leaders: list[dict] | None = None) -> None:
    """Assessment releases the sealed responses of the closed analysis; insights freezes its report."""
    groups = {SURVEY: responses, **({LEADERS: leaders} if leaders is not None else {})}
    bus.send(EVENTS["released"], released(analysis_id, groups))
    bus.settle(lambda: reported(engine, analysis_id))


def close(api, bus, engine, who, analysis_id: str, responses: list[dict], **extra: list[dict]) -> dict:
    """Close on request, then the release; the frozen report."""
    assert api.post(f"/needs-analyses/{analysis_id}/close", who).status_code == 200
    release(bus, engine, analysis_id, responses, **extra)
    return api.get(f"/needs-analyses/{analysis_id}/report", who).get_json()


def reported(engine, analysis_id: str) -> bool:
    with engine.connect() as conn:
        return (
            conn.scalar(select(needs_analyses.c.reported_at).where(needs_analyses.c.id == analysis_id))
            is not None
        )


def emitted(engine, event_type) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.scalars(select(outbox.c.payload).where(outbox.c.event_type == event_type.name)).all()
    return [json.loads(r) for r in rows]


def test_a_team_of_eight_under_call_targets_gets_causes_leader_modules_and_skill_modules(
    api, bus, engine, clock
):
    manager, hr = (f"lead-{uuid.uuid4().hex[:6]}", "manager"), (f"hr-{uuid.uuid4().hex[:6]}", "hr")
    leaders, questioning = course(LEADERS_COURSE), course(QUESTIONING_COURSE)
    bus.send(EVENTS["course"], leaders)
    bus.send(EVENTS["course"], questioning)
    team_id, members = open_team(bus, engine, 8, manager[0])
    for i, learner in enumerate(members):
        bus.send(
            EVENTS["diagnostic"],
            diagnostic(learner, {"asking-about-impact": 0.3 if i < 6 else 0.9, "positive-language": 0.9}),
        )
    analysis = open_analysis(api, clock, manager, team_id, leader_questionnaire_id=LEADERS)
    assert analysis["invited"] == 8
    answer(bus, engine, analysis["id"], members)
    path = f"/needs-analyses/{analysis['id']}/report"

    while_open = api.get(path, manager).get_json()
    assert (while_open["suppressed"], while_open["status"], while_open["respondents"]) == (True, "open", 8)
    assert "causes" not in while_open
    assert api.post(f"/needs-analyses/{analysis['id']}/close", manager).status_code == 200
    on_the_way = api.get(path, manager).get_json()
    assert (on_the_way["suppressed"], on_the_way["status"]) == (True, "awaiting_responses")
    assert "causes" not in on_the_way
    assert "on their way" in on_the_way["reason"]
    release(bus, engine, analysis["id"], [RUSHED] * 6 + [CALM] * 2, leaders=[{"system:metrics": 1.0}])
    report = api.get(path, hr).get_json()

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
    assert gaps == {"asking-about-impact": ["things-and-people"]}
    assert "Training alone will not fix" in report["verdict"]
    assert "system:metrics" in report["verdict"]
    assert report["leader_questionnaire"] == {"responses": 1, "suppressed": True}  # one leader: never shown

    (closed,) = [
        e
        for e in emitted(engine, events.NEEDS_ANALYSIS_CLOSED_V2)
        if e["needs_analysis_id"] == analysis["id"]
    ]
    default_registry().validate(events.NEEDS_ANALYSIS_CLOSED_V2.name, closed)
    assert (closed["invited"], closed["min_group_size"]) == (8, 5)
    (frozen,) = [
        e for e in emitted(engine, events.NEEDS_ANALYSIS_REPORTED) if e["needs_analysis_id"] == analysis["id"]
    ]
    default_registry().validate(events.NEEDS_ANALYSIS_REPORTED.name, frozen)
    assert frozen["suppressed"] is False
    assert {c["cause"] for c in frozen["system_causes"]} == {"system:metrics", "wellbeing:emotional-load"}
    assert not set(members) & set(json.dumps([closed, frozen]).split('"'))


def test_a_team_of_four_gets_not_enough_responses_and_no_aggregate_anywhere(api, bus, engine, clock):
    manager = (f"lead-{uuid.uuid4().hex[:6]}", "manager")
    team_id, members = open_team(bus, engine, 4, manager[0])
    analysis = open_analysis(api, clock, manager, team_id)
    answer(bus, engine, analysis["id"], members)
    clock.advance(days=15)  # past closes_at: the next read closes it

    assert (
        api.get(f"/needs-analyses/{analysis['id']}/report", manager).get_json()["status"]
        == "awaiting_responses"
    )
    with engine.connect() as conn:
        assert conn.scalar(select(needs_analyses.c.closed_at).where(needs_analyses.c.id == analysis["id"]))
    release(bus, engine, analysis["id"], [RUSHED] * 4)
    report = api.get(f"/needs-analyses/{analysis['id']}/report", manager).get_json()
    assert report == {
        "respondents": 4,
        "invited": 4,
        "min_group_size": 5,
        "suppressed": True,
        "status": "closed",
        "reason": "Not enough responses: 4 of at least 5 needed.",
    }
    (frozen,) = [
        e for e in emitted(engine, events.NEEDS_ANALYSIS_REPORTED) if e["needs_analysis_id"] == analysis["id"]
    ]
    assert frozen["suppressed"] is True
    assert not {"causes", "skill_gaps", "system_causes", "verdict"} & set(frozen)
    charts = api.get(f"/dashboard/charts?team_id={team_id}&needs_analysis_id={analysis['id']}", manager)
    assert charts.get_json()["causes"] is None
    assert "Not enough responses" in charts.get_json()["causes_note"]


def test_only_hr_admins_and_the_teams_manager_open_or_read_an_analysis(api, bus, engine, clock):
    manager = (f"lead-{uuid.uuid4().hex[:6]}", "manager")
    team_id, members = open_team(bus, engine, 5, manager[0])
    member, stranger = (members[0], "learner"), (f"x-{uuid.uuid4().hex[:6]}", "learner")
    body = {
        "team_id": team_id,
        "survey_id": "s",
        "opens_at": clock.now.isoformat(),
        "closes_at": (clock.now + timedelta(days=1)).isoformat(),
    }
    assert api.post("/needs-analyses", member, json=body).status_code == 403
    assert api.post("/needs-analyses", stranger, json=body).status_code == 403
    backwards = {**body, "closes_at": (clock.now - timedelta(days=1)).isoformat()}
    refused = api.post("/needs-analyses", manager, json=backwards)
    assert refused.status_code == 422
    assert refused.mimetype == "application/problem+json"
    analysis = open_analysis(api, clock, (f"admin-{uuid.uuid4().hex[:6]}", "admin"), team_id)
    assert api.get(f"/needs-analyses/{analysis['id']}", manager).status_code == 200
    for outsider in (member, stranger):
        assert api.get(f"/needs-analyses/{analysis['id']}", outsider).status_code == 404
        assert api.get(f"/needs-analyses/{analysis['id']}/report", outsider).status_code == 404


def test_close_due_closes_analyses_whose_time_has_come_once(api, bus, engine, clock, settings):
    manager = (f"lead-{uuid.uuid4().hex[:6]}", "manager")
    team_id, _ = open_team(bus, engine, 3, manager[0])
    analysis = open_analysis(api, clock, manager, team_id)
    ctx = api.app.extensions["lms.insights"]
    assert close_due(ctx) == 0
    clock.advance(days=14, seconds=1)
    assert close_due(ctx) >= 1
    assert close_due(ctx) == 0
    closings = emitted(engine, events.NEEDS_ANALYSIS_CLOSED_V2)
    assert len([e for e in closings if e["needs_analysis_id"] == analysis["id"]]) == 1
    assert api.post(f"/needs-analyses/{analysis['id']}/close", manager).status_code == 409
