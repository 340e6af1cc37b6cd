"""`/needs-analyses`: open one for a team, read it, read its report, close it."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from lms.insights.api.common import context
from lms.insights.api.schemas import InvitationOut, NeedsAnalysisIn, NeedsAnalysisOut, ReportOut
from lms.insights.service import analyses, invitations, presenters
from lms.kit.web import current_principal, requires

blp = Blueprint("needs-analyses", __name__, description="Team needs analyses (aggregates only)")


@blp.route("/needs-analyses")
class NeedsAnalyses(MethodView):
    @requires()
    @blp.arguments(NeedsAnalysisIn)
    @blp.response(201, NeedsAnalysisOut)
    def post(self, body: dict[str, Any]) -> Any:
        """Open a needs analysis for a team (HR, admins, the team's manager)."""
        return analyses.create_analysis(context(), current_principal(), body)


@blp.route("/needs-analyses/<analysis_id>")
class NeedsAnalysisById(MethodView):
    @requires()
    @blp.response(200, NeedsAnalysisOut)
    def get(self, analysis_id: str) -> Any:
        """Read a needs analysis: its times, invitation list and counts."""
        return analyses.read_analysis(context(), current_principal(), analysis_id)


@blp.route("/needs-analyses/<analysis_id>/report")
class Report(MethodView):
    @requires()
    @blp.response(200, ReportOut)
    def get(self, analysis_id: str) -> Any:
        """The report: aggregates once closed and with enough respondents, else counts only."""
        return presenters.labelled_report(context(), current_principal(), analysis_id)


@blp.route("/needs-analyses/<analysis_id>/invitation")
class Invitation(MethodView):
    @requires()
    @blp.response(200, InvitationOut)
    def get(self, analysis_id: str) -> Any:
        """The caller's own invitation: the surveys they are asked to answer, and until when."""
        return invitations.invitation(context(), current_principal(), analysis_id)


@blp.route("/needs-analyses/<analysis_id>/close")
class Close(MethodView):
    @requires()
    @blp.response(200, NeedsAnalysisOut)
    def post(self, analysis_id: str) -> Any:
        """Close now: no more responses; the report is frozen once the sealed responses arrive."""
        return analyses.close(context(), current_principal(), analysis_id)
