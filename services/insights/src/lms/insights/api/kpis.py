"""`/kpis`, `/kpi-metrics` and a team's KPI series and impact."""

from __future__ import annotations

from typing import Any

from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.insights.api.common import context
from lms.insights.api.schemas import (
    ImpactOut,
    ImpactQuery,
    KpiIngested,
    KpiQuery,
    MetricIn,
    MetricOut,
    TeamKpisOut,
)
from lms.insights.service import impact, kpis, metrics, series
from lms.kit.web import Problem, current_principal, requires

blp = Blueprint("kpis", __name__, description="Service KPIs and the training's impact on them")
ROW = {"type": "object", "required": ["team_id", "metric", "period_start", "period_end", "value"]}
BODY = {
    "content": {
        "application/json": {"schema": {"type": "array", "items": ROW}},
        "text/csv": {"schema": {"type": "string"}},
    }
}


@blp.route("/kpis")
class Kpis(MethodView):
    @requires()
    @blp.doc(requestBody=BODY)
    @blp.response(200, KpiIngested)
    def post(self) -> Any:
        """Store KPI rows (JSON array or CSV), all or none; the same row again changes nothing."""
        if request.mimetype == "text/csv":
            return kpis.ingest(context(), current_principal(), csv_text=request.get_data(as_text=True))
        items = request.get_json(silent=True)
        if not isinstance(items, list):
            raise Problem(422, "Send a JSON array of KPI rows, or CSV with Content-Type: text/csv.")
        return kpis.ingest(context(), current_principal(), items=items)


@blp.route("/kpi-metrics")
class KpiMetrics(MethodView):
    @requires()
    @blp.response(200, MetricOut(many=True))
    def get(self) -> Any:
        """The metrics KPI rows may name: built in and declared."""
        return metrics.list_metrics(context())

    @requires()
    @blp.arguments(MetricIn)
    @blp.response(201, MetricOut)
    @blp.alt_response(200, schema=MetricOut, description="Already declared the same way")
    def post(self, body: dict[str, Any]) -> Any:
        """Declare a custom metric (HR, admins); the same declaration again answers 200."""
        declared = metrics.declare(context(), current_principal(), body)
        return declared.view, 201 if declared.created else 200


@blp.route("/teams/<team_id>/kpis")
class TeamKpis(MethodView):
    @requires()
    @blp.arguments(KpiQuery, location="query")
    @blp.response(200, TeamKpisOut)
    def get(self, query: dict[str, Any], team_id: str) -> Any:
        """A team's KPI values, each with the values it corrected."""
        return series.team_kpis(context(), current_principal(), team_id, query.get("metric"))


@blp.route("/teams/<team_id>/impact")
class TeamImpact(MethodView):
    @requires()
    @blp.arguments(ImpactQuery, location="query")
    @blp.response(200, ImpactOut)
    def get(self, query: dict[str, Any], team_id: str) -> Any:
        """Per metric: before the training window against after most of the team completed."""
        return impact.team_impact(context(), current_principal(), team_id, query["course_id"])
