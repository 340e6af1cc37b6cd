"""The dashboard's data: what a viewer may pick (by name) and the charts it opens on."""

from __future__ import annotations

import json

import pytest

from .dashboard_world import REPORTING, World, build

IN_WORDS = {  # how the dashboard and the report name each tag the world's survey measured
    "system:metrics": "call-time targets",
    "wellbeing:emotional-load": "distress with no time to recover",
    "competency:asking-about-impact": "asking what it does to the customer",
    "wellbeing:difficult-contacts": "contacts no technique can turn round",
    "system:policy": "rules that trap staff in calls",
    "system:tools-knowledge": "missing tools or information",
    "competency:question-sequencing": "asking questions in a useful order",
}


@pytest.fixture
def world(api, bus, engine, clock) -> World:
    return build(api, bus, engine, clock)


def choices(api, who) -> dict:
    reply = api.get("/dashboard/choices", who)
    assert reply.status_code == 200, reply.get_json()
    return reply.get_json()


def charts(api, who, **query: str) -> dict:
    reply = api.get("/dashboard/charts?" + "&".join(f"{k}={v}" for k, v in query.items()), who)
    assert reply.status_code == 200, reply.get_json()
    return reply.get_json()


def shown_causes(spec: dict) -> dict[str, float]:
    return {row["cause"]: row["share"] for row in spec["data"]["values"]}


def test_a_manager_is_offered_their_teams_by_name_the_courses_by_title_and_their_analyses(api, world):
    offered = choices(api, world.lead)

    assert [(t["display_name"], t["members"]) for t in offered["teams"]] == [
        ("Customer care, north", 8),
        ("Returns desk", 4),
    ]
    assert {c["title"] for c in offered["courses"]} == {
        "Questioning skills",
        "For team leaders: training that targets the real need",
    }
    states = {(a["team_id"], a["status"]) for a in offered["needs_analyses"]}
    assert states == {(world.north, "closed"), (world.returns, "closed"), (world.returns, "open")}
    assert offered["default_team_id"] == world.north  # its analysis closed last


def test_hr_is_offered_every_team_and_a_learner_nothing(api, world):
    assert {t["display_name"] for t in choices(api, world.hr)["teams"]} == {
        "Customer care, north",
        "Returns desk",
        "Billing, east",
    }
    assert choices(api, world.learner) == {
        "teams": [],
        "courses": [],
        "needs_analyses": [],
        "default_team_id": None,
    }


def test_the_charts_open_on_the_latest_closed_analysis_and_the_course_most_of_the_team_completed(api, world):
    drawn = charts(api, world.lead, team_id=world.north)

    assert drawn["needs_analysis"]["id"] == world.north_analysis
    assert drawn["course"] == {"course_id": world.questioning, "title": "Questioning skills"}
    assert drawn["causes_state"] == "shown"
    assert shown_causes(drawn["causes"]) == {
        IN_WORDS[tag]: pytest.approx(n / 8, abs=0.01) for tag, n in REPORTING.items()
    }
    assert not [tag for tag in REPORTING if tag in json.dumps(drawn["causes"])]
    assert {f["label"] for f in drawn["findings"]["act_on"]} == {
        "call-time targets",
        "distress with no time to recover",
        "contacts no technique can turn round",
    }
    assert drawn["findings"]["train"] == [
        {"label": "asking what it does to the customer", "modules": ["Things and people"]}
    ]
    assert drawn["completions"] is not None
    kpis = {k["label"]: k for k in drawn["kpis"]}
    assert set(kpis) == {
        "Customer satisfaction score",
        "First-contact resolution rate",
        "Average handle time (seconds)",
    }
    assert kpis["First-contact resolution rate"]["summary"] == (
        "Before the training 61% on average over 6 periods; after it 72% over 5 (+17%)."
    )


def test_the_report_and_the_dashboard_name_each_cause_from_the_same_table(api, world):
    report = api.get(f"/needs-analyses/{world.north_analysis}/report", world.lead).get_json()
    drawn = charts(api, world.lead, team_id=world.north)

    assert {c["cause"]: c["label"] for c in report["causes"]} == IN_WORDS
    assert {c["label"] for c in report["system_causes"]} == {f["label"] for f in drawn["findings"]["act_on"]}
    assert [g["label"] for g in report["skill_gaps"]] == [f["label"] for f in drawn["findings"]["train"]]
    assert set(shown_causes(drawn["causes"])) == {c["label"] for c in report["causes"]}


def test_the_charts_say_plainly_when_a_report_is_too_small_not_yet_available_or_missing(api, world):
    small = charts(api, world.lead, team_id=world.returns)
    still_open = charts(api, world.lead, team_id=world.returns, needs_analysis_id=world.returns_open)
    none = charts(api, world.hr, team_id=world.east)

    assert small["needs_analysis"]["id"] == world.returns_analysis
    assert (small["causes_state"], small["causes"]) == ("too_few", None)
    assert small["causes_note"].startswith("Not enough responses: 4 answered, and at least 5 are needed")
    assert small["course"] is None
    assert small["completions_note"] == "No member of the team has completed a course yet."
    assert small["kpis"] == []
    assert small["kpis_note"] == "No service KPIs have been reported for this team yet."
    assert (still_open["causes_state"], still_open["causes"]) == ("open", None)
    assert still_open["causes_note"].startswith("Not available yet: the needs analysis is open until")
    assert (none["causes_state"], none["needs_analysis"]) == ("none", None)
    assert none["causes_note"] == "No needs analysis has been run for this team yet."


def test_a_team_or_analysis_the_viewer_may_not_see_is_unknown_to_them(api, world):
    for who, query in [
        (world.other_lead, f"team_id={world.north}"),
        (world.learner, f"team_id={world.north}"),
        (world.lead, f"team_id={world.east}"),
        (world.lead, f"team_id={world.north}&needs_analysis_id={world.returns_analysis}"),
    ]:
        reply = api.get(f"/dashboard/charts?{query}", who)
        assert reply.status_code == 404, (who, query, reply.get_json())
        assert reply.content_type == "application/problem+json"
