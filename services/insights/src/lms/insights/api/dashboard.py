"""`/dashboard`: the leader dashboard page and its vendored assets; `/api/v1/dashboard/charts`."""

from __future__ import annotations

from importlib import resources
from typing import Any

from flask import Blueprint as FlaskBlueprint
from flask import Flask, Response, abort
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from lms.insights.api.common import context
from lms.insights.service.dashboard import dashboard_charts
from lms.kit.web import current_principal, requires

STATIC = resources.files("lms.insights") / "static"
ASSETS = {"vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "vega-interpreter.min.js"}
page = FlaskBlueprint("dashboard-page", __name__)
blp = Blueprint("dashboard", __name__, description="The leader dashboard's charts (Vega-Lite specs)")
ID = validate.Length(min=1, max=64)


@page.get("/dashboard")
def dashboard() -> Response:
    """The page: it reads the token from `#token=` (never sent in a URL) or asks for one."""
    html = (STATIC / "dashboard.html").read_text()
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
    )
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@page.get("/dashboard/static/<name>")
def asset(name: str) -> Response:
    """A vendored script (vega, vega-lite, vega-embed) or the page's own script."""
    if name not in ASSETS | {"dashboard.js"}:
        abort(404)
    folder = STATIC / "vendor" if name in ASSETS else STATIC
    response = Response((folder / name).read_bytes(), mimetype="text/javascript")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


class ChartsQuery(Schema):
    team_id = fields.String(required=True, validate=ID)
    course_id = fields.String(validate=ID)
    needs_analysis_id = fields.String(validate=ID)


class ChartsOut(Schema):
    causes = fields.Dict(allow_none=True)
    causes_note = fields.String(allow_none=True)
    completions = fields.Dict(allow_none=True)
    kpis = fields.List(fields.Dict())
    impact_note = fields.String()


@blp.route("/dashboard/charts")
class Charts(MethodView):
    @requires()
    @blp.arguments(ChartsQuery, location="query")
    @blp.response(200, ChartsOut)
    def get(self, query: dict[str, Any]) -> Any:
        """Vega-Lite specs of a team's dashboard (HR, admins, the team's manager)."""
        return dashboard_charts(
            context(),
            current_principal(),
            team_id=query["team_id"],
            course_id=query.get("course_id"),
            analysis_id=query.get("needs_analysis_id"),
        )


def install(app: Flask) -> None:
    app.register_blueprint(page)
