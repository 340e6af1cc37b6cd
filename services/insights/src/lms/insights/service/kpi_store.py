"""Writing many KPI values at once: one statement over arrays on PostgreSQL (SQLite: many rows)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from lms.insights.db import kpi_values
from lms.insights.domain.kpis import KpiRow
from lms.kit.db import insert_ignore_statement

UNNEST_INSERT = text(
    "INSERT INTO kpi_values (team_id, metric, period_start, period_end, value, recorded_by, recorded_at) "
    "SELECT t, m, s, e, v, :recorded_by, :recorded_at FROM unnest("
    "CAST(:teams AS text[]), CAST(:metrics AS text[]), CAST(:starts AS date[]), CAST(:ends AS date[]), "
    "CAST(:vals AS float8[])) AS u(t, m, s, e, v) ON CONFLICT DO NOTHING"
)


def insert_values(session: Session, rows: Sequence[KpiRow], recorded_by: str, recorded_at: datetime) -> None:
    """Insert new values; a row that a concurrent request stored first is left as it is."""
    if session.get_bind().dialect.name != "postgresql":
        values = [_row(r, recorded_by, recorded_at) for r in rows]
        session.execute(insert_ignore_statement(session, kpi_values), values)
        return
    session.execute(
        UNNEST_INSERT,
        {
            "teams": [r.team_id for r in rows],
            "metrics": [r.metric for r in rows],
            "starts": [r.period_start for r in rows],
            "ends": [r.period_end for r in rows],
            "vals": [r.value for r in rows],
            "recorded_by": recorded_by,
            "recorded_at": recorded_at,
        },
    )


def _row(row: KpiRow, recorded_by: str, recorded_at: datetime) -> dict:
    return {
        "team_id": row.team_id,
        "metric": row.metric,
        "period_start": row.period_start,
        "period_end": row.period_end,
        "value": row.value,
        "recorded_by": recorded_by,
        "recorded_at": recorded_at,
    }
