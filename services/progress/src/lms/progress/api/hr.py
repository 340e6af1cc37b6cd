"""The HR side: completion feed, CSV export, xAPI statements, reports, certificates."""

from __future__ import annotations

from flask import Response, stream_with_context, url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.kit.web import Problem, requires
from lms.progress import feed, reports
from lms.progress.api.enrolments import progress
from lms.progress.api.schemas import Certificate, CompletionPage, CsvQuery, FeedQuery, StatementPage
from lms.progress.db import completions

blp = Blueprint("hr", __name__, description="Completions for HR systems: feed, CSV, xAPI, reports")
HR = ("hr",)


@blp.route("/completions")
class Completions(MethodView):
    @requires(*HR)
    @blp.arguments(FeedQuery(), location="query")
    @blp.response(200, CompletionPage())
    def get(self, query):
        """Course completions, oldest first; poll with next_cursor: nothing is skipped or repeated."""
        rows, cursor = feed.page(progress().sessions, "completions", query["since"], query["limit"])
        return {"items": [feed.completion_item(r) for r in rows], "next_cursor": str(cursor)}


@blp.route("/completions.csv")
class CompletionsCsv(MethodView):
    @requires(*HR)
    @blp.arguments(CsvQuery(), location="query")
    @blp.response(200, description="text/csv, streamed")
    def get(self, query):
        """The completions as CSV (optionally ?from=&to=), streamed in constant memory."""
        engine = progress().sessions.kw["bind"]
        rows = feed.csv_rows(engine, query.get("from_"), query.get("to"))
        return Response(
            stream_with_context(rows),
            mimetype="text/csv",
            headers={"Content-Disposition": 'attachment; filename="completions.csv"'},
        )


@blp.route("/xapi/statements")
class Statements(MethodView):
    @requires(*HR)
    @blp.arguments(FeedQuery(), location="query")
    @blp.response(200, StatementPage())
    def get(self, query):
        """xAPI 1.0.3 statements: completed, passed, failed (idempotent ids)."""
        rows, cursor = feed.page(progress().sessions, "xapi", query["since"], query["limit"])
        more = (
            url_for("hr.Statements", since=cursor, limit=query["limit"])
            if len(rows) == query["limit"]
            else ""
        )
        return (
            {"statements": [r.statement for r in rows], "more": more, "next_cursor": str(cursor)},
            200,
            {"X-Experience-API-Version": "1.0.3"},
        )


@blp.route("/reports/overdue")
class Overdue(MethodView):
    @requires(*HR)
    @blp.response(200)
    def get(self):
        """Assigned enrolments past their due date and not completed."""
        with progress().sessions() as db:
            return {"items": reports.overdue(db)}


@blp.route("/reports/courses/<course_id>")
class CourseReport(MethodView):
    @requires(*HR)
    @blp.response(200)
    def get(self, course_id):
        """Enrolled, completed, completion rate, average score, and where learners stop (per module)."""
        with progress().sessions() as db:
            return reports.course_report(db, course_id)


@blp.route("/certificates/<code>")
class Certificates(MethodView):
    @blp.doc(security=[])
    @blp.response(200, Certificate())
    def get(self, code):
        """Verify a certificate (public): name, course, version and date, nothing else."""
        with progress().sessions() as db:
            row = db.execute(completions.select().where(completions.c.certificate_code == code)).first()
        if row is None:
            raise Problem(404, "No certificate with this code.")
        return {
            "code": code,
            "name": row.learner_name,
            "course": row.course_title,
            "course_version": row.course_version,
            "completed_at": row.completed_at,
        }
