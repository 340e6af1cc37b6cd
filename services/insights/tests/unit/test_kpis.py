"""KPI rows: parsing JSON and CSV, and every check that makes a batch all-or-nothing."""

from __future__ import annotations

from datetime import date

from lms.insights.domain.kpis import BUILTIN_METRICS, check_rows, rows_from_csv, rows_from_json

CSV = """team_id,metric,period_start,period_end,value
t1,csat,2026-01-01,2026-01-31,4.1
t1,nps,2026-01-01,2026-01-31,30
t1,fcr,2026-02-01,2026-02-28,lots
t1,fcr,2026-03-01,2026-02-01,0.5
"""


def test_csv_errors_name_the_line_of_the_file():
    rows, errors = rows_from_csv(CSV)
    assert [r.metric for r in rows] == ["csat", "nps"]
    assert set(errors) == {"line 4", "line 5"}
    assert "value is not a number" in errors["line 4"][0]
    assert "period_end is before period_start" in errors["line 5"]


def test_unknown_metric_and_a_team_not_managed_are_refused_per_row():
    rows, _ = rows_from_csv(CSV)
    errors = check_rows(rows, BUILTIN_METRICS, lambda team: team != "t1", {})
    assert any("unknown metric 'nps'" in p for p in errors["line 3"])
    assert all(any("may not report" in p for p in errors[line]) for line in ("line 2", "line 3"))


def test_overlapping_periods_in_the_batch_or_with_stored_ones_are_refused_the_same_period_is_not():
    rows, errors = rows_from_json(
        [
            {
                "team_id": "t",
                "metric": "csat",
                "period_start": "2026-01-01",
                "period_end": "2026-01-31",
                "value": 4,
            },
            {
                "team_id": "t",
                "metric": "csat",
                "period_start": "2026-01-15",
                "period_end": "2026-02-14",
                "value": 4,
            },
            {
                "team_id": "t",
                "metric": "csat",
                "period_start": "2026-03-01",
                "period_end": "2026-03-31",
                "value": 4,
            },
        ]
    )
    assert errors == {}
    stored = {("t", "csat"): [(date(2026, 3, 1), date(2026, 3, 31)), (date(2026, 3, 20), date(2026, 4, 5))]}
    found = check_rows(rows, BUILTIN_METRICS, lambda _t: True, stored)
    assert set(found) == {"row 2", "row 3"}  # row 3 repeats a stored period but overlaps another one


def test_non_numeric_booleans_infinite_and_ratios_out_of_range_are_refused():
    rows, errors = rows_from_json(
        [
            {
                "team_id": "t",
                "metric": "csat",
                "period_start": "2026-01-01",
                "period_end": "2026-01-31",
                "value": True,
            },
            {
                "team_id": "t",
                "metric": "csat",
                "period_start": "2026-02-01",
                "period_end": "2026-02-28",
                "value": "inf",
            },
            {
                "team_id": "t",
                "metric": "fcr",
                "period_start": "2026-01-01",
                "period_end": "2026-01-31",
                "value": 71,
            },
            "not a row",
        ]
    )
    assert set(errors) == {"row 1", "row 2", "row 4"}
    assert "ratio" in check_rows(rows, BUILTIN_METRICS, lambda _t: True, {})["row 3"][0]
