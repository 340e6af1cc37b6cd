"""Service KPIs: all-or-nothing ingestion, idempotent per (team, metric, period), corrections kept."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from lms.insights.db import kpi_history, kpi_metrics, kpi_values
from lms.insights.domain.errors import Forbidden, Invalid
from lms.insights.domain.kpis import BUILTIN_METRICS, KpiRow, check_rows, rows_from_csv, rows_from_json
from lms.insights.service.context import Context
from lms.insights.service.directory import OVERSEERS, find_team, sees_whole
from lms.insights.service.kpi_store import insert_values
from lms.kit.auth import Principal

FEEDERS = (*OVERSEERS, "ops")  # an ops system's API key carries the `ops` (or `hr`) role
DENIED = "you may not report KPIs for team"


def ingest(
    ctx: Context, principal: Principal, *, items: Sequence[Any] | None = None, csv_text: str = ""
) -> dict:
    """Check every row, then store them all in one transaction, or none."""
    rows, errors = rows_from_json(items) if items is not None else rows_from_csv(csv_text)
    with ctx.uow() as uow:
        stored = _stored(uow.session, {r.team_id for r in rows})
        errors.update(
            check_rows(
                rows,
                metric_names(uow.session),
                _writer(uow.session, principal, ctx.manager_depth),
                {k: list(v) for k, v in stored.items()},
            )
        )
        _refuse(errors)
        counts = _write(uow.session, ctx, principal, rows, stored)
        uow.commit()
    return {"received": len(rows), **counts}


def _refuse(errors: dict[str, list[str]]) -> None:
    if not errors:
        return
    detail = f"{len(errors)} row(s) cannot be applied; nothing was stored."
    ordered = dict(sorted(errors.items(), key=lambda kv: int(kv[0].split()[-1])))
    if any(DENIED in p for problems in errors.values() for p in problems):
        raise Forbidden(detail, ordered)
    raise Invalid(detail, ordered)


def _writer(session: Session, principal: Principal, depth: int) -> Callable[[str], bool]:
    if principal.has_any(*FEEDERS):
        return lambda _team: True
    decided: dict[str, bool] = {}

    def may_write(team_id: str) -> bool:
        if team_id not in decided:
            team = find_team(session, team_id)
            decided[team_id] = team is not None and sees_whole(session, principal, team, depth)
        return decided[team_id]

    return may_write


Stored = dict[tuple[str, str], dict[tuple[date, date], float]]


def _stored(session: Session, team_ids: set[str]) -> Stored:
    found: Stored = {}
    for chunk in _chunks(sorted(team_ids), 1000):
        rows = session.execute(
            select(
                kpi_values.c.team_id,
                kpi_values.c.metric,
                kpi_values.c.period_start,
                kpi_values.c.period_end,
                kpi_values.c.value,
            ).where(kpi_values.c.team_id.in_(chunk))
        )
        for r in rows:
            found.setdefault((r.team_id, r.metric), {})[(r.period_start, r.period_end)] = r.value
    return found


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _write(session: Session, ctx: Context, principal: Principal, rows: list[KpiRow], stored: Stored) -> dict:
    now, new, changed = ctx.clock(), [], []
    for row in rows:
        previous = stored.get((row.team_id, row.metric), {}).get((row.period_start, row.period_end))
        if previous is None:
            new.append(row)
        elif previous != row.value:
            changed.append(row)
    if new:
        insert_values(session, new, principal.sub, now)
    if changed:
        _correct(session, changed, principal, now)
    return {"inserted": len(new), "corrected": len(changed), "unchanged": len(rows) - len(new) - len(changed)}


def _correct(session: Session, rows: list[KpiRow], principal: Principal, now: Any) -> None:
    """Move each current value to the history, then write the corrected one."""
    for row in rows:
        current = session.execute(select(kpi_values).where(*_key_match(row)).with_for_update()).one()
        session.execute(
            kpi_history.insert().values(
                team_id=row.team_id,
                metric=row.metric,
                period_start=row.period_start,
                period_end=row.period_end,
                value=current.value,
                recorded_by=current.recorded_by,
                recorded_at=current.recorded_at,
                superseded_at=now,
            )
        )
    session.execute(
        update(kpi_values)
        .where(
            kpi_values.c.team_id == bindparam("k_team"),
            kpi_values.c.metric == bindparam("k_metric"),
            kpi_values.c.period_start == bindparam("k_start"),
            kpi_values.c.period_end == bindparam("k_end"),
        )
        .values(value=bindparam("k_value"), recorded_by=bindparam("k_by"), recorded_at=bindparam("k_at")),
        [
            {
                "k_team": r.team_id,
                "k_metric": r.metric,
                "k_start": r.period_start,
                "k_end": r.period_end,
                "k_value": r.value,
                "k_by": principal.sub,
                "k_at": now,
            }
            for r in rows
        ],
    )


def _key_match(row: KpiRow) -> list[Any]:
    return [
        kpi_values.c.team_id == row.team_id,
        kpi_values.c.metric == row.metric,
        kpi_values.c.period_start == row.period_start,
        kpi_values.c.period_end == row.period_end,
    ]


def metric_names(session: Session) -> list[str]:
    return [*BUILTIN_METRICS, *session.scalars(select(kpi_metrics.c.name))]
