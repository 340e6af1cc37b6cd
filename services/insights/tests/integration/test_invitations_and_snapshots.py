"""Who is invited, fixed and announced at opening; reports from each analysis's own snapshot, never
one that a reader could subtract from an earlier released report to isolate a person."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from lms.contracts import default_registry, events
from lms.insights.db import diagnostics, teams, users

from .factories import EVENTS, LEADERS_COURSE, QUESTIONING_COURSE, course, diagnostic, now, team
from .test_needs_analyses import (
    LEADERS,
    RUSHED,
    answer,
    close,
    emitted,
    known,
    open_analysis,
    open_team,
    release,
)

WEAK, STRONG = {"asking-about-impact": 0.2}, {"asking-about-impact": 0.9}


def user(learner_id: str, manager: str | None) -> dict:
    return {"user_id": str(uuid.uuid4()), "learner_id": learner_id, "manager_learner_id": manager,
            "active": True, "occurred_at": now()}  # fmt: skip


def test_opening_fixes_the_invitees_and_the_leaders_and_announces_them(api, bus, engine, clock):
    lead, line = f"lead-{uuid.uuid4().hex[:6]}", f"line-{uuid.uuid4().hex[:6]}"
    team_id, members = open_team(bus, engine, 4, lead)
    for member in members[:2]:
        bus.send(EVENTS["user"], user(member, line))
    bus.settle(lambda: all(known(engine, users, users.c.learner_id, m) for m in members[:2]))
    analysis = open_analysis(api, clock, (lead, "manager"), team_id, leader_questionnaire_id=LEADERS)
    bus.send(EVENTS["team"], team(team_id, [*members, "joined-later"], lead))
    bus.settle(lambda: "joined-later" in members_of(engine, team_id))

    (opened,) = [
        e for e in emitted(engine, events.NEEDS_ANALYSIS_OPENED) if e["needs_analysis_id"] == analysis["id"]
    ]
    default_registry().validate(events.NEEDS_ANALYSIS_OPENED.name, opened)
    assert sorted(opened["invitees"]) == sorted(members)
    assert sorted(opened["leader_invitees"]) == sorted([lead, line])
    assert (opened["survey_id"], opened["leader_questionnaire_id"]) == ("service-needs-check", LEADERS)
    assert sorted(
        api.get(f"/needs-analyses/{analysis['id']}", (lead, "manager")).get_json()["invitees"]
    ) == sorted(members)


def test_an_invitee_reads_their_own_invitation_and_nobody_else_learns_of_it(api, bus, engine, clock):
    lead = f"lead-{uuid.uuid4().hex[:6]}"
    team_id, members = open_team(bus, engine, 3, lead)
    analysis = open_analysis(api, clock, ("hr-1", "hr"), team_id, leader_questionnaire_id=LEADERS)
    path = f"/needs-analyses/{analysis['id']}/invitation"

    mine = api.get(path, (members[0], "learner")).get_json()
    assert mine == {
        "needs_analysis_id": analysis["id"],
        "status": "open",
        "opens_at": analysis["opens_at"],
        "closes_at": analysis["closes_at"],
        "surveys": ["service-needs-check"],
    }
    assert api.get(path, (lead, "learner")).get_json()["surveys"] == [LEADERS]
    for outsider in (("stranger", "learner"), ("hr-2", "hr")):
        refused = api.get(path, outsider)
        assert refused.status_code == 404
        assert refused.mimetype == "application/problem+json"
    assert api.get(f"/needs-analyses/{uuid.uuid4()}/invitation", (members[0], "learner")).status_code == 404
    clock.advance(days=15)
    assert api.get(path, (members[0], "learner")).get_json()["status"] == "closed"


def test_a_report_one_person_apart_from_a_released_report_is_withheld(api, bus, engine, clock):
    """Five weak on impact, then the same five and one strong: (n+1)*m' - n*m would give that one away."""
    bus.send(EVENTS["course"], course(QUESTIONING_COURSE))
    lead, hr = f"lead-{uuid.uuid4().hex[:6]}", ("hr-1", "hr")
    five_id, five = open_team(bus, engine, 5, lead)
    newcomer = f"agent-{uuid.uuid4().hex[:8]}"
    for learner, percents in [*((m, WEAK) for m in five), (newcomer, STRONG)]:
        bus.send(EVENTS["diagnostic"], diagnostic(learner, percents))
    assessed(bus, engine, [*five, newcomer])

    first = open_analysis(api, clock, hr, five_id)
    answer(bus, engine, first["id"], five)
    shown = close(api, bus, engine, hr, first["id"], [RUSHED] * 5)
    assert shown["suppressed"] is False
    assert shown["skill_gaps"][0]["members_assessed"] == 5

    six_id = open_team_of(bus, engine, [*five, newcomer], lead)
    second = open_analysis(api, clock, hr, six_id)
    answer(bus, engine, second["id"], [*five, newcomer])
    withheld = close(api, bus, engine, hr, second["id"], [RUSHED] * 6)
    assert withheld["suppressed"] is True, withheld
    assert withheld["status"] == "closed"
    assert "earlier report" in withheld["reason"]
    assert not {"causes", "skill_gaps", "verdict"} & set(withheld)

    again = open_analysis(api, clock, hr, five_id)  # the same five, nothing changed: nothing to subtract
    answer(bus, engine, again["id"], five)
    assert close(api, bus, engine, hr, again["id"], [RUSHED] * 5)["suppressed"] is False


def test_a_team_changed_by_at_least_the_minimum_is_shown(api, bus, engine, clock):
    bus.send(EVENTS["course"], course(QUESTIONING_COURSE))
    lead, hr = f"lead-{uuid.uuid4().hex[:6]}", ("hr-1", "hr")
    five_id, five = open_team(bus, engine, 5, lead)
    others = [f"agent-{uuid.uuid4().hex[:8]}" for _ in range(5)]
    for learner in [*five, *others]:
        bus.send(EVENTS["diagnostic"], diagnostic(learner, WEAK))
    assessed(bus, engine, [*five, *others])
    first = open_analysis(api, clock, hr, five_id)
    answer(bus, engine, first["id"], five)
    assert close(api, bus, engine, hr, first["id"], [RUSHED] * 5)["suppressed"] is False

    ten_id = open_team_of(bus, engine, [*five, *others], lead)
    second = open_analysis(api, clock, hr, ten_id)
    answer(bus, engine, second["id"], [*five, *others])
    report = close(api, bus, engine, hr, second["id"], [RUSHED] * 10)
    assert report["suppressed"] is False
    assert report["skill_gaps"][0]["members_assessed"] == 10


def test_a_report_is_computed_from_the_snapshot_taken_when_the_analysis_closed(api, bus, engine, clock):
    bus.send(EVENTS["course"], course(LEADERS_COURSE))
    bus.send(EVENTS["course"], course(QUESTIONING_COURSE))
    lead, hr = f"lead-{uuid.uuid4().hex[:6]}", ("hr-1", "hr")
    team_id, members = open_team(bus, engine, 6, lead)
    for learner in members:
        bus.send(EVENTS["diagnostic"], diagnostic(learner, WEAK))
    assessed(bus, engine, members)
    analysis = open_analysis(api, clock, hr, team_id)
    answer(bus, engine, analysis["id"], members)
    assert api.post(f"/needs-analyses/{analysis['id']}/close", hr).status_code == 200
    for learner in members:  # retaken after the closing
        bus.send(EVENTS["diagnostic"], diagnostic(learner, STRONG))
    assessed(bus, engine, members, percent=0.9)
    release(bus, engine, analysis["id"], [RUSHED] * 5 + [{"system:metrics": 0.5}])

    report = api.get(f"/needs-analyses/{analysis['id']}/report", hr).get_json()
    (gap,) = report["skill_gaps"]
    assert (gap["competency"], gap["diagnostic_share_below"], gap["members_assessed"]) == (
        "asking-about-impact",
        1.0,
        6,
    )
    shares = {c["cause"]: c["share"] for c in report["causes"]}
    assert shares["system:metrics"] == 0.83  # five of six, to whole percent
    assert report["response_rate"] == 1.0


def open_team_of(bus, engine, members: list[str], manager: str) -> str:
    team_id = str(uuid.uuid4())
    bus.send(EVENTS["team"], team(team_id, members, manager))
    bus.settle(lambda: known(engine, teams, teams.c.team_id, team_id))
    return team_id


def members_of(engine, team_id: str) -> list[str]:
    with engine.connect() as conn:
        return conn.scalar(select(teams.c.members).where(teams.c.team_id == team_id)) or []


def assessed(bus, engine, learners: list[str], percent: float | None = None) -> None:
    """Until insights holds a diagnostic result (of `percent`, when given) for each of `learners`."""

    def all_in() -> bool:
        with engine.connect() as conn:
            rows = conn.execute(select(diagnostics).where(diagnostics.c.learner_id.in_(learners))).all()
        return {r.learner_id for r in rows if percent is None or r.percent == percent} == set(learners)

    bus.settle(all_in)
