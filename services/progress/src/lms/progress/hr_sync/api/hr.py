"""The HR side: completion feed, CSV export, reports, and the public certificate."""

from __future__ import annotations

from typing import Any

from flask import Response, stream_with_context
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.kit.web import requires
from lms.progress.hr_sync.api.schemas import Certificate, CompletionPage, CsvQuery, FeedQuery
from lms.progress.hr_sync.service import completion_feed, hr_reports
from lms.progress.web import context

blp = Blueprint("hr", __name__, description="Completions for HR systems: feed, CSV, reports, certificates")
HR = ("hr",)


@blp.route("/completions")
class Completions(MethodView):
    @requires(*HR)
    @blp.arguments(FeedQuery(), location="query")
    @blp.response(200, CompletionPage())
    def get(self, query: dict[str, Any]) -> Any:
        """Course completions, oldest first; poll with next_cursor: nothing is skipped or repeated."""
        return completion_feed.feed_page(context(), query["since"], query["limit"])


@blp.route("/completions.csv")
class CompletionsCsv(MethodView):
    @requires(*HR)
    @blp.arguments(CsvQuery(), location="query")
    @blp.response(200, description="text/csv, streamed; formula-like cells are prefixed with '")
    def get(self, query: dict[str, Any]) -> Any:
        """The completions as CSV (optionally ?from=&to=), streamed in constant memory."""
        lines = completion_feed.csv_lines(context(), query.get("from_"), query.get("to"))
        disposition = {"Content-Disposition": 'attachment; filename="completions.csv"'}
        return Response(stream_with_context(lines), mimetype="text/csv", headers=disposition)


@blp.route("/reports/overdue")
class Overdue(MethodView):
    @requires(*HR)
    @blp.response(200)
    def get(self) -> Any:
        """Assigned enrolments past their due date and not completed."""
        return hr_reports.overdue_report(context())


@blp.route("/reports/courses/<course_id>")
class CourseReport(MethodView):
    @requires(*HR)
    @blp.response(200)
    def get(self, course_id: str) -> Any:
        """Enrolled, completed, completion rate, average score, and where learners stop (per module)."""
        return hr_reports.course_report_of(context(), course_id)


@blp.route("/certificates/<code>")
class Certificates(MethodView):
    @blp.doc(security=[])
    @blp.response(200, Certificate())
    def get(self, code: str) -> Any:
        """Verify a certificate (public): name, course, version and date, nothing else."""
        return completion_feed.certificate(context(), code)
