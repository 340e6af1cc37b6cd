"""Teams as the directory describes them: HR's and managers' views, and team assignments."""

from __future__ import annotations

from typing import Any

from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.kit.web import current_principal, requires
from lms.progress.compliance.domain.cycles import Policy
from lms.progress.teams.api.schemas import (
    AssignmentIn,
    AssignmentList,
    AssignmentOut,
    AssignmentQuery,
    MyTeam,
    TeamList,
    TeamProgress,
)
from lms.progress.teams.service import assignments, team_views
from lms.progress.web import context

POLICY_FIELDS = ("recertify_every_days", "window_days", "grace_days", "escalate_after_days")
blp = Blueprint("teams", __name__, description="Teams, managers' views and assignments")


@blp.route("/teams")
class Teams(MethodView):
    @requires()
    @blp.response(200, TeamList())
    def get(self) -> Any:
        """Teams: all for HR and admins; for a manager, the teams with their people."""
        return team_views.teams_of(context(), current_principal())


@blp.route("/teams/<team_id>/progress")
class TeamProgressById(MethodView):
    @requires()
    @blp.response(200, TeamProgress())
    def get(self, team_id: str) -> Any:
        """Each member the caller may see x each course assigned to the team: status, due, score."""
        return team_views.progress_of_team(context(), current_principal(), team_id)


@blp.route("/me/team")
class MyTeamView(MethodView):
    @requires()
    @blp.response(200, MyTeam())
    def get(self) -> Any:
        """Your direct and indirect reports' assigned courses (for managers)."""
        return team_views.progress_of_reports(context(), current_principal())


@blp.route("/assignments")
class Assignments(MethodView):
    @requires()
    @blp.arguments(AssignmentIn())
    @blp.response(201, AssignmentOut())
    def post(self, body: dict[str, Any]) -> Any:
        """Assign a course to a team (joiners included) or to named learners, with a due rule."""
        assignment = assignments.AssignmentRequest(
            course_id=body["course_id"],
            team_id=body.get("team_id"),
            learner_ids=tuple(body.get("learner_ids") or ()),
            due_at=body.get("due_at"),
            due_in_days=body.get("due_in_days"),
            policy=Policy(
                **{name: body.get(name) for name in POLICY_FIELDS},
                remind_before_days=tuple(body.get("remind_before_days") or ()),
            ),
        )
        auth = request.headers.get("Authorization")
        return assignments.assign_course(context(), current_principal(), assignment, auth)

    @requires()
    @blp.arguments(AssignmentQuery(), location="query")
    @blp.response(200, AssignmentList())
    def get(self, query: dict[str, Any]) -> Any:
        """Assignments you may see: HR all, managers their teams' and reports', learners their own."""
        principal = current_principal()
        return team_views.assignments_for(context(), principal, query.get("team_id"), query.get("learner_id"))
