"""The KPI metrics: six built in, others declared by HR or admins."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from lms.insights.db import iso, kpi_metrics
from lms.insights.domain.errors import Conflict, Forbidden
from lms.insights.domain.kpis import BUILTIN_METRICS
from lms.insights.service.context import Context
from lms.insights.service.directory import OVERSEERS
from lms.kit.auth import Principal

FIELDS = ("description", "unit", "higher_is_better")


@dataclass(frozen=True)
class Declared:
    """The metric as declared, and whether this request `created` it (not when it existed already)."""

    view: dict[str, Any]
    created: bool


def declare(ctx: Context, principal: Principal, body: dict[str, Any]) -> Declared:
    """Declare a custom metric; declaring the same one again changes nothing (not `created`)."""
    if not principal.has_any(*OVERSEERS):
        raise Forbidden("Only HR and admins declare KPI metrics.")
    if body["name"] in BUILTIN_METRICS:
        raise Conflict(f"{body['name']} is a built-in metric.")
    with ctx.uow() as uow:
        found = uow.session.execute(select(kpi_metrics).where(kpi_metrics.c.name == body["name"])).first()
        if found is not None:
            if any(getattr(found, f) != body[f] for f in FIELDS):
                raise Conflict(f"The metric {body['name']} is already declared differently.")
            return Declared(_view(found._asdict()), created=False)
        row = {
            **{k: body[k] for k in ("name", *FIELDS)},
            "declared_by": principal.sub,
            "declared_at": ctx.clock(),
        }
        uow.session.execute(kpi_metrics.insert().values(row))
        uow.commit()
    return Declared(_view(row), created=True)


def list_metrics(ctx: Context) -> list[dict[str, Any]]:
    builtin = [
        {"name": n, "description": d, "unit": u, "higher_is_better": h, "builtin": True}
        for n, (d, u, h) in BUILTIN_METRICS.items()
    ]
    with ctx.uow() as uow:
        declared = [
            _view(r._asdict()) for r in uow.session.execute(select(kpi_metrics).order_by(kpi_metrics.c.name))
        ]
    return builtin + declared


def _view(row: dict[str, Any]) -> dict[str, Any]:
    return {
        **{k: row[k] for k in ("name", *FIELDS)},
        "builtin": False,
        "declared_at": iso(row["declared_at"]),
    }
