"""Service KPI rows: reading them from JSON or CSV and checking them before anything is stored."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

BUILTIN_METRICS: dict[str, tuple[str, str, bool]] = {  # name -> description, unit, higher is better
    "csat": ("Customer satisfaction score", "score", True),
    "fcr": ("First-contact resolution rate", "ratio", True),
    "aht_seconds": ("Average handle time", "seconds", False),
    "quality_score": ("Service quality score", "score", True),
    "attrition_rate": ("Staff attrition rate", "ratio", False),
    "absence_rate": ("Staff absence rate", "ratio", False),
}
RATIOS = {"fcr", "attrition_rate", "absence_rate"}
FIELDS = ("team_id", "metric", "period_start", "period_end", "value")
MAX_ROWS = 20_000


@dataclass(frozen=True)
class KpiRow:
    """One value of one metric for one team over one period (both ends inclusive)."""

    where: str  # "line 3" (CSV) or "row 2" (JSON): how the caller finds it in what they sent
    team_id: str
    metric: str
    period_start: date
    period_end: date
    value: float

    @property
    def key(self) -> tuple[str, str, date, date]:
        return (self.team_id, self.metric, self.period_start, self.period_end)


Errors = dict[str, list[str]]


def rows_from_json(items: Sequence[Any]) -> tuple[list[KpiRow], Errors]:
    """Rows from a JSON array; errors keyed `row N` (from 1)."""
    return _rows(((f"row {i}", item) for i, item in enumerate(items, start=1)))


def rows_from_csv(text: str) -> tuple[list[KpiRow], Errors]:
    """Rows from CSV with a header line; errors keyed `line N` (the header is line 1)."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [f for f in FIELDS if f not in (reader.fieldnames or [])]
    if missing:
        return [], {"line 1": [f"the header lacks {', '.join(missing)}"]}
    return _rows((f"line {reader.line_num}", record) for record in reader)


def _rows(numbered: Iterable[tuple[str, Any]]) -> tuple[list[KpiRow], Errors]:
    rows: list[KpiRow] = []
    errors: Errors = {}
    for where, item in numbered:
        if len(rows) + len(errors) >= MAX_ROWS:
            return rows, {**errors, where: [f"at most {MAX_ROWS} rows per request"]}
        row, problems = _row(where, item)
        if problems:
            errors[where] = problems
        elif row is not None:
            rows.append(row)
    return rows, errors


def _row(where: str, item: Any) -> tuple[KpiRow | None, list[str]]:
    if not isinstance(item, Mapping):
        return None, ["a row is an object with " + ", ".join(FIELDS)]
    problems = [f"{f} is required" for f in FIELDS if item.get(f) in (None, "")]
    if problems:
        return None, problems
    start, end = (
        _date(item["period_start"], "period_start", problems),
        _date(item["period_end"], "period_end", problems),
    )
    value = _number(item["value"], problems)
    team, metric = str(item["team_id"]).strip(), str(item["metric"]).strip()
    if len(team) > 64 or len(metric) > 64:
        problems.append("team_id and metric are at most 64 characters")
    if start and end and end < start:
        problems.append("period_end is before period_start")
    if problems or start is None or end is None or value is None:
        return None, problems
    return KpiRow(where, team, metric, start, end, value), []


def _date(raw: Any, name: str, problems: list[str]) -> date | None:
    try:
        return date.fromisoformat(str(raw).strip())
    except ValueError:
        problems.append(f"{name} is not a date (YYYY-MM-DD): {str(raw)[:40]!r}")
        return None


def _number(raw: Any, problems: list[str]) -> float | None:
    if isinstance(raw, bool):
        problems.append("value is not a number")
        return None
    try:
        value = float(str(raw).strip()) if isinstance(raw, str) else float(raw)
    except (TypeError, ValueError):
        problems.append(f"value is not a number: {str(raw)[:40]!r}")
        return None
    if not math.isfinite(value):
        problems.append("value is not a finite number")
        return None
    return value


def check_rows(
    rows: Sequence[KpiRow],
    metrics: Iterable[str],
    may_write: Callable[[str], bool],
    stored_periods: Mapping[tuple[str, str], Iterable[tuple[date, date]]],
) -> Errors:
    """Everything wrong with `rows` against the known metrics, the caller's teams and the stored
    periods: unknown metric, a team not theirs, a ratio outside 0..1, a period that overlaps
    another one of the same series (the very same period is a re-post or a correction)."""
    known = set(metrics)
    errors: Errors = {}
    seen: dict[tuple[str, str], dict[tuple[date, date], str]] = {}
    for row in rows:
        problems = _row_problems(row, known, may_write)
        series = seen.setdefault((row.team_id, row.metric), {})
        period = (row.period_start, row.period_end)
        if period in series:
            problems.append(f"the same period is also given on {series[period]}")
        others = [*series, *stored_periods.get((row.team_id, row.metric), ())]
        if any(_overlaps(period, other) for other in others if other != period):
            problems.append("the period overlaps another period of this team and metric")
        series[period] = row.where
        if problems:
            errors[row.where] = problems
    return errors


def _row_problems(row: KpiRow, known: set[str], may_write: Callable[[str], bool]) -> list[str]:
    problems = []
    if row.metric not in known:
        problems.append(f"unknown metric {row.metric!r} (declare it with POST /kpi-metrics)")
    if row.metric in RATIOS and not 0 <= row.value <= 1:
        problems.append(f"{row.metric} is a ratio between 0 and 1")
    if row.metric == "aht_seconds" and row.value < 0:
        problems.append("aht_seconds cannot be negative")
    if not may_write(row.team_id):
        problems.append(f"you may not report KPIs for team {row.team_id!r}")
    return problems


def _overlaps(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]
