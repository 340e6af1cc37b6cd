"""Compliance: each learner's certification cycles and the compliance report per team and course."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.kit.web import current_principal, requires
from lms.progress.compliance.api.schemas import Certifications, ComplianceReport, ReportQuery
from lms.progress.compliance.service import certifications, report
from lms.progress.web import context

blp = Blueprint("compliance", __name__, description="Certification cycles and compliance reports")


@blp.route("/me/certifications")
class MyCertifications(MethodView):
    @requires()
    @blp.response(200, Certifications())
    def get(self) -> Any:
        """Every cycle of your assigned courses: dates, version, score, certificate and state."""
        return certifications.certifications_of(context(), current_principal(), None)


@blp.route("/learners/<learner_id>/certifications")
class LearnerCertifications(MethodView):
    @requires()
    @blp.response(200, Certifications())
    def get(self, learner_id: str) -> Any:
        """A learner's cycles (HR, and the learner's managers)."""
        return certifications.certifications_of(context(), current_principal(), learner_id)


@blp.route("/reports/compliance")
class Compliance(MethodView):
    @requires()
    @blp.arguments(ReportQuery(), location="query")
    @blp.response(200, ComplianceReport())
    def get(self, query: dict[str, Any]) -> Any:
        """% compliant now, expiring within 30 days, overdue, never started, with the people named."""
        principal = current_principal()
        return report.report(context(), principal, query.get("team_id"), query.get("course_id"))


@blp.route("/reports/compliance.csv")
class ComplianceCsv(MethodView):
    @requires()
    @blp.arguments(ReportQuery(), location="query")
    @blp.response(200, description="text/csv; formula-like cells are prefixed with '")
    def get(self, query: dict[str, Any]) -> Any:
        """The compliance report as CSV, one person per line with their standing."""
        lines = report.report_csv(
            context(), current_principal(), query.get("team_id"), query.get("course_id")
        )
        disposition = {"Content-Disposition": 'attachment; filename="compliance.csv"'}
        return Response(list(lines), mimetype="text/csv", headers=disposition)
