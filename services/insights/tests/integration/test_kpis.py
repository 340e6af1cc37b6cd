"""KPIs: seeded series and the impact figures, idempotent re-posts, corrections with history,
bad input refused whole with a problem that names each row or line."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from .factories import EVENTS, completed, team
from .test_needs_analyses import open_team

BASELINE = [0.70, 0.72, 0.68, 0.70, 0.71, 0.69]  # Jan-Jun 2026
TRAINING = [0.50, 0.50]  # Jul-Aug: the window (left out)
AFTER = [0.80, 0.82, 0.78, 0.80]  # Sep-Dec


def month_rows(team_id: str, metric: str, values: list[float], first_month: int = 1) -> list[dict]:
    rows = []
    for offset, value in enumerate(values):
        m = first_month + offset
        end = date(2026, m + 1, 1).toordinal() - 1 if m < 12 else date(2026, 12, 31).toordinal()
        rows.append(
            {
                "team_id": team_id,
                "metric": metric,
                "period_start": date(2026, m, 1).isoformat(),
                "period_end": date.fromordinal(end).isoformat(),
                "value": value,
            }
        )
    return rows


@pytest.fixture
def people():
    suffix = uuid.uuid4().hex[:6]
    return {
        "hr": (f"hr-{suffix}", "hr"),
        "ops": (f"ops-{suffix}", "ops"),
        "lead": (f"lead-{suffix}", "manager"),
        "other": (f"other-{suffix}", "manager"),
    }


def series(api, who, team_id: str, metric: str) -> list[dict]:
    return api.get(f"/teams/{team_id}/kpis?metric={metric}", who).get_json()["items"]


def test_impact_on_a_seeded_series_reproduces_the_expected_figures(api, bus, engine, people):
    team_id, members = open_team(bus, engine, 5, people["lead"][0])
    course_id = str(uuid.uuid4())
    days = [
        datetime(2026, 7, 3, tzinfo=UTC),
        datetime(2026, 7, 20, tzinfo=UTC),
        datetime(2026, 8, 28, tzinfo=UTC),
    ]
    for learner, day in zip(members, days, strict=False):
        bus.send(EVENTS["completed"], completed(learner, course_id, day))
    bus.send(EVENTS["completed"], completed("not-in-team", course_id, datetime(2026, 1, 2, tzinfo=UTC)))
    rows = month_rows(team_id, "fcr", BASELINE + TRAINING + AFTER)
    assert api.post("/kpis", people["ops"], json=rows).get_json()["inserted"] == 12

    def window_closed() -> bool:
        found = api.get(f"/teams/{team_id}/impact?course_id={course_id}", people["lead"]).get_json()
        return found["window"]["closed"] is not None

    bus.settle(window_closed)
    impact = api.get(f"/teams/{team_id}/impact?course_id={course_id}", people["lead"]).get_json()
    assert impact["window"] == {"opened": "2026-07-03", "closed": "2026-08-28", "members": 5, "completed": 3}
    (fcr,) = impact["metrics"]
    assert (fcr["periods_before"], fcr["periods_after"]) == (6, 4)
    assert fcr["baseline"] == pytest.approx(0.70)
    assert fcr["after"] == pytest.approx(0.80)
    assert fcr["change"] == pytest.approx(0.10)
    assert fcr["change_pct"] == pytest.approx(14.29)
    assert "caution" not in fcr
    assert "not that the training caused" in impact["note"]


def test_reposting_the_same_rows_changes_nothing_and_a_correction_keeps_its_history(api, bus, engine, people):
    team_id, _ = open_team(bus, engine, 3, people["lead"][0])
    rows = month_rows(team_id, "csat", [4.1, 4.2, 4.3])
    assert api.post("/kpis", people["hr"], json=rows).get_json() == {
        "received": 3,
        "inserted": 3,
        "corrected": 0,
        "unchanged": 0,
    }
    before = series(api, people["hr"], team_id, "csat")
    again = api.post("/kpis", people["hr"], json=rows)
    assert again.get_json() == {"received": 3, "inserted": 0, "corrected": 0, "unchanged": 3}
    assert series(api, people["hr"], team_id, "csat") == before

    fixed = [{**rows[1], "value": 4.6}]
    assert api.post("/kpis", people["lead"], json=fixed).get_json()["corrected"] == 1
    february = series(api, people["lead"], team_id, "csat")[1]
    assert february["value"] == 4.6
    assert [(h["value"], h["recorded_by"]) for h in february["history"]] == [(4.2, people["hr"][0])]


def test_bad_rows_are_refused_whole_with_their_line_numbers(api, bus, engine, people):
    team_id, _ = open_team(bus, engine, 3, people["lead"][0])
    other_team, _ = open_team(bus, engine, 3, people["other"][0])
    good = month_rows(team_id, "csat", [4.0])[0]
    csv = "\n".join(
        [
            "team_id,metric,period_start,period_end,value",
            f"{team_id},csat,2026-01-01,2026-01-31,4.0",
            f"{team_id},nps,2026-01-01,2026-01-31,20",
            f"{team_id},csat,2026-01-15,2026-02-14,4.0",
            f"{team_id},aht_seconds,2026-01-01,2026-01-31,four minutes",
        ]
    )
    reply = api.post("/kpis", people["lead"], data=csv, headers={"Content-Type": "text/csv"})
    assert reply.status_code == 422
    assert reply.mimetype == "application/problem+json"
    assert set(reply.get_json()["errors"]) == {"line 3", "line 4", "line 5"}

    not_theirs = api.post("/kpis", people["lead"], json=[good, {**good, "team_id": other_team}])
    assert not_theirs.status_code == 403
    assert list(not_theirs.get_json()["errors"]) == ["row 2"]
    assert api.post("/kpis", people["hr"], json={"not": "an array"}).status_code == 422
    assert series(api, people["hr"], team_id, "csat") == []
    assert series(api, people["hr"], other_team, "csat") == []


def test_a_declared_custom_metric_is_accepted_and_only_hr_declares(api, bus, engine, people):
    team_id, _ = open_team(bus, engine, 3, people["lead"][0])
    name = f"callbacks_{uuid.uuid4().hex[:6]}"
    metric = {"name": name, "description": "Callbacks promised and kept", "unit": "ratio"}
    assert api.post("/kpi-metrics", people["lead"], json=metric).status_code == 403
    assert api.post("/kpi-metrics", people["hr"], json=metric).status_code == 201
    assert api.post("/kpi-metrics", people["hr"], json=metric).status_code == 200
    assert api.post("/kpi-metrics", people["hr"], json={**metric, "unit": "count"}).status_code == 409
    assert api.post("/kpis", people["ops"], json=month_rows(team_id, name, [0.5])).status_code == 200
    assert name in {m["name"] for m in api.get("/kpi-metrics", people["lead"]).get_json()}


def test_a_team_is_shown_only_to_hr_admins_and_its_manager(api, bus, engine, people):
    team_id, members = open_team(bus, engine, 3, people["lead"][0])
    bus.send(EVENTS["team"], team(team_id, members, people["lead"][0]))
    for who in (people["other"], (members[0], "learner")):
        assert api.get(f"/teams/{team_id}/kpis", who).status_code == 404
        assert api.get(f"/teams/{team_id}/impact?course_id=c", who).status_code == 404
    assert api.get(f"/teams/{team_id}/kpis", people["hr"]).status_code == 200
