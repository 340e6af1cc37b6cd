"""`/dashboard`: the leader dashboard page and its vendored assets; `/api/v1/dashboard/choices`
(what the viewer may pick) and `/api/v1/dashboard/charts` (what it draws)."""

from __future__ import annotations

from importlib import resources
from typing import Any

from flask import Blueprint as FlaskBlueprint
from flask import Flask, Response, abort
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from lms.insights.api.common import context
from lms.insights.service.choices import dashboard_choices
from lms.insights.service.dashboard import dashboard_charts
from lms.kit.web import current_principal, requires

STATIC = resources.files("lms.insights") / "static"
ASSETS = {"vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "vega-interpreter.min.js"}
page = FlaskBlueprint("dashboard-page", __name__)
blp = Blueprint(
    "dashboard",
    __name__,
    description="The leader dashboard: what a viewer may pick, and its charts (Vega-Lite specs)",
)
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


class TeamChoice(Schema):
    team_id = fields.String()
    display_name = fields.String()
    members = fields.Integer()


class CourseChoice(Schema):
    course_id = fields.String()
    title = fields.String()


class AnalysisChoice(Schema):
    id = fields.String()
    team_id = fields.String()
    status = fields.String(metadata={"enum": ["open", "closed"]})
    opens_at = fields.String()
    closes_at = fields.String()
    closed_at = fields.String(allow_none=True)


class ChoicesOut(Schema):
    teams = fields.List(fields.Nested(TeamChoice))
    courses = fields.List(fields.Nested(CourseChoice))
    needs_analyses = fields.List(fields.Nested(AnalysisChoice))
    default_team_id = fields.String(allow_none=True)


@blp.route("/dashboard/choices")
class Choices(MethodView):
    @requires()
    @blp.response(200, ChoicesOut)
    def get(self) -> Any:
        """What the viewer may pick: their teams, the courses, their teams' needs analyses."""
        return dashboard_choices(context(), current_principal())


class ChartsQuery(Schema):
    team_id = fields.String(required=True, validate=ID)
    course_id = fields.String(validate=ID)
    needs_analysis_id = fields.String(validate=ID)


class ChartsOut(Schema):
    team = fields.Nested(TeamChoice)
    needs_analysis = fields.Dict(allow_none=True)
    course = fields.Nested(CourseChoice, allow_none=True)
    causes = fields.Dict(allow_none=True)
    causes_state = fields.String(
        metadata={"enum": ["shown", "none", "open", "too_few", "withheld", "pending"]}
    )
    causes_note = fields.String(allow_none=True)
    findings = fields.Dict()
    completions = fields.Dict(allow_none=True)
    completions_note = fields.String(allow_none=True)
    kpis = fields.List(fields.Dict())
    kpis_note = fields.String(allow_none=True)
    impact_note = fields.String(allow_none=True)


@blp.route("/dashboard/charts")
class Charts(MethodView):
    @requires()
    @blp.arguments(ChartsQuery, location="query")
    @blp.response(200, ChartsOut)
    def get(self, query: dict[str, Any]) -> Any:
        """Vega-Lite specs of a team's dashboard (HR, admins, the team's manager).

        Without `course_id` or `needs_analysis_id`: the course most of the team completed and the
        team's latest closed analysis (the reply names them)."""
        return dashboard_charts(
            context(),
            current_principal(),
            team_id=query["team_id"],
            course_id=query.get("course_id"),
            analysis_id=query.get("needs_analysis_id"),
        )


def install(app: Flask) -> None:
    app.register_blueprint(page)
