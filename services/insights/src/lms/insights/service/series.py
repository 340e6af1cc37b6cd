"""Reading KPI series: a team's values with their correction history."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lms.insights.db import iso, kpi_history, kpi_values
from lms.insights.domain.impact import Period
from lms.insights.service.context import Context
from lms.insights.service.directory import visible_team
from lms.kit.auth import Principal


def team_kpis(ctx: Context, principal: Principal, team_id: str, metric: str | None) -> dict[str, Any]:
    """Every stored value of the team (optionally one metric), oldest period first, with history."""
    with ctx.uow() as uow:
        visible_team(uow.session, principal, team_id, ctx.manager_depth)
        values = uow.session.execute(
            _filtered(kpi_values, team_id, metric).order_by(kpi_values.c.metric, kpi_values.c.period_start)
        ).all()
        older = uow.session.execute(_filtered(kpi_history, team_id, metric).order_by(kpi_history.c.id)).all()
    history: dict[tuple, list[dict[str, Any]]] = {}
    for h in older:
        history.setdefault((h.metric, h.period_start, h.period_end), []).append(
            {
                "value": h.value,
                "recorded_by": h.recorded_by,
                "recorded_at": iso(h.recorded_at),
                "superseded_at": iso(h.superseded_at),
            }
        )
    return {"team_id": team_id, "items": [_item(v, history) for v in values]}


def _filtered(table: Any, team_id: str, metric: str | None) -> Any:
    query = select(table).where(table.c.team_id == team_id)
    return query.where(table.c.metric == metric) if metric else query


def _item(v: Any, history: dict[tuple, list[dict[str, Any]]]) -> dict[str, Any]:
    return {
        "metric": v.metric,
        "period_start": v.period_start.isoformat(),
        "period_end": v.period_end.isoformat(),
        "value": v.value,
        "recorded_by": v.recorded_by,
        "recorded_at": iso(v.recorded_at),
        "history": history.get((v.metric, v.period_start, v.period_end), []),
    }


def periods_by_metric(session: Session, team_id: str) -> dict[str, list[Period]]:
    rows = session.execute(
        select(kpi_values.c.metric, kpi_values.c.period_start, kpi_values.c.period_end, kpi_values.c.value)
        .where(kpi_values.c.team_id == team_id)
        .order_by(kpi_values.c.metric, kpi_values.c.period_start)
    )
    found: dict[str, list[Period]] = {}
    for r in rows:
        found.setdefault(r.metric, []).append(Period(r.period_start, r.period_end, r.value))
    return found
