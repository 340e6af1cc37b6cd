"""Small stand-ins for the services: real paths of API.md on the kit's base (/scim/v2 and /xapi too,
and the dashboard's HTML).

They authorise like the real services (`requires`), record what they receive in
`app.extensions["seen"]`, and each publishes an OpenAPI document the gateway can merge.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import marshmallow as ma
from flask import Flask, Response, request
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.kit.config import JwtSettings, Settings
from lms.kit.web import create_app, current_principal, requires

courses = Blueprint("courses", __name__, description="Courses (curriculum stand-in)")
assessments = Blueprint("assessments", __name__, description="Assessments (assessment stand-in)")
progress = Blueprint("enrolments", __name__, description="Enrolments and completions (progress stand-in)")
PUBLIC = {"security": []}
COURSE_ETAG = '"course-v1"'


class CourseIn(ma.Schema):
    slug = ma.fields.String(required=True)
    title = ma.fields.String(required=True)
    summary = ma.fields.String(load_default="")


class Course(CourseIn):
    id = ma.fields.String()
    status = ma.fields.String()


@courses.route("/courses")
class Courses(MethodView):
    @courses.response(200, Course(many=True))
    @requires()
    def get(self) -> list[dict[str, Any]]:
        """List the published catalogue."""
        return [{"id": "c1", "slug": "intro", "title": "Intro", "status": "published"}]

    @courses.arguments(CourseIn)
    @courses.response(201, Course)
    @requires("author")
    def post(self, data: dict[str, Any]) -> dict[str, Any]:
        """Create a draft course."""
        return {**data, "id": str(uuid.uuid4()), "status": "draft"}


@courses.route("/courses/<course_id>")
class CoursesById(MethodView):
    @courses.response(200, Course)
    @requires()
    def get(self, course_id: str) -> tuple[dict[str, Any], int, dict[str, str]]:
        """Get the latest published version of a course."""
        body = {"id": course_id, "slug": "intro", "title": "Intro", "status": "published"}
        return body, 200, {"Cache-Control": "public, max-age=60", "ETag": COURSE_ETAG}


class Item(ma.Schema):
    kind = ma.fields.String(required=True)
    prompt = ma.fields.String(required=True)


class AssessmentIn(ma.Schema):
    slug = ma.fields.String(required=True)
    title = ma.fields.String(required=True)
    items = ma.fields.List(ma.fields.Nested(Item), load_default=list)


@assessments.route("/assessments")
class Assessments(MethodView):
    @assessments.arguments(AssessmentIn)
    @assessments.response(201, AssessmentIn)
    @requires("author")
    def post(self, data: dict[str, Any]) -> dict[str, Any]:
        """Create a draft assessment."""
        return data


@assessments.route("/assessments/<assessment_id>/attempts")
class Attempts(MethodView):
    @assessments.response(201, ma.Schema.from_dict({"attempt_id": ma.fields.String()}, name="Attempt"))
    @requires("learner")
    def post(self, assessment_id: str) -> dict[str, str]:
        """Start an attempt."""
        return {"attempt_id": str(uuid.uuid4())}


class Enrolment(ma.Schema):
    id = ma.fields.String()
    learner_id = ma.fields.String()
    course_id = ma.fields.String()


# named like assessment's `Item` but different, as real services' schema names may clash
Completion = ma.Schema.from_dict({"id": ma.fields.String(), "learner_id": ma.fields.String()}, name="Item")
Completions = ma.Schema.from_dict(
    {"items": ma.fields.List(ma.fields.Nested(Completion)), "next_cursor": ma.fields.String()},
    name="Completions",
)


@progress.route("/enrolments")
class Enrolments(MethodView):
    @progress.response(200, Enrolment(many=True))
    @requires("learner", "hr")
    def get(self) -> list[dict[str, str]]:
        """List enrolments."""
        return [{"id": "e1", "learner_id": current_principal().sub, "course_id": "c1"}]


@progress.route("/completions")
class CompletionsFeed(MethodView):
    @progress.response(200, Completions)
    @requires("hr")
    def get(self) -> dict[str, Any]:
        """Read the change feed of course completions."""
        return {"items": [{"id": "k1", "learner_id": "alice"}], "next_cursor": "1"}


@progress.route("/completions.csv")
class CompletionsCsv(MethodView):
    @progress.doc(responses={"200": {"description": "CSV", "content": {"text/csv": {}}}})
    @requires("hr")
    def get(self) -> Response:
        """Export completions as CSV, streamed."""
        rows = int(request.args.get("rows", "10"))
        return Response(_csv(rows), mimetype="text/csv")


@progress.route("/certificates/<code>")
class Certificates(MethodView):
    @progress.doc(security=[])
    @progress.response(200, ma.Schema.from_dict({"code": ma.fields.String()}, name="Certificate"))
    def get(self, code: str) -> dict[str, str]:
        """Verify a completion certificate."""
        return {"code": code}


def _csv(rows: int) -> Iterator[bytes]:
    yield b"id,enrolment_id,learner_id,course_id,completed_at\n"
    for n in range(rows):
        yield f"{n},e{n},learner-{n},c1,2025-01-01T00:00:00Z\n".encode()


def whoami(rest: str) -> Response:
    """What the people (/scim/v2) and records (/xapi) stand-ins answer: who the verified caller is."""
    if "Authorization" not in request.headers:
        return Response(json.dumps({"sub": None}), mimetype="application/json")
    principal = current_principal()
    claims = principal.claims or {}
    return Response(
        json.dumps({"sub": principal.sub, "scope": claims.get("scope"), "iss": claims.get("iss")}),
        mimetype="application/scim+json",
    )


def dashboard_page() -> Response:
    """A page as insights serves its dashboard: HTML with a policy of its own."""
    response = Response("<!DOCTYPE html><title>Dashboard</title><p>charts</p>", mimetype="text/html")
    response.headers["Content-Security-Policy"] = "default-src 'self'; script-src 'self'"
    return response


def help_page() -> Response:
    """An HTML page served without any policy (`?frame=*`: one that allows framing anywhere)."""
    response = Response("<!DOCTYPE html><title>Help</title><p>help</p>", mimetype="text/html")
    if request.args.get("frame"):
        response.headers["Content-Security-Policy"] = f"frame-ancestors {request.args['frame']}"
    return response


def standin(service: str, jwt: JwtSettings) -> Flask:
    """The stand-in app of `service` (curriculum, assessment, progress, people, insights or records)."""
    blueprints = {"curriculum": [courses], "assessment": [assessments], "progress": [progress]}
    settings = Settings(service=service, jwt=jwt)
    app = create_app(settings, title=f"{service} (stand-in)", blueprints=blueprints.get(service, []))
    if service == "people":
        app.add_url_rule("/scim/v2/<path:rest>", "scim", whoami, methods=["GET", "POST"])
    if service == "records":
        app.add_url_rule("/xapi/<path:rest>", "xapi", whoami, methods=["GET", "POST", "PUT"])
    if service == "insights":
        app.add_url_rule("/dashboard", "dashboard", dashboard_page)
        app.add_url_rule("/dashboard/help", "help", help_page)
    seen: list[tuple[str, str, dict[str, str]]] = []
    app.extensions["seen"] = seen
    app.before_request(lambda: seen.append((request.method, request.path, dict(request.headers))))
    return app
