"""Courses: the catalogue, drafts, published versions, publishing and retiring."""

from __future__ import annotations

from typing import Any

from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.curriculum.api.common import bearer, caller, context, draft_reply, if_match_revision, reply
from lms.curriculum.api.replies import CataloguePage, CourseOut, PublishOut, VersionOut
from lms.curriculum.api.schemas import CatalogueArgs, CourseIn, CoursePatch, VersionArgs
from lms.curriculum.service import catalogue, drafts, publishing, reading
from lms.curriculum.service.presenters import draft_view
from lms.kit.web import requires

blp = Blueprint("courses", __name__, description="Courses, their drafts and published versions")
AUTHOR = "author"


@blp.route("/courses")
class Courses(MethodView):
    @requires()
    @blp.arguments(CatalogueArgs(), location="query")
    @blp.response(200, CataloguePage())
    def get(self, args: dict[str, Any]) -> Any:
        """Browse the catalogue of published courses (authors: ?status=draft or retired)."""
        return reply(catalogue.browse(context(), caller(), catalogue.Query(**args)))

    @requires(AUTHOR)
    @blp.arguments(CourseIn())
    @blp.response(201, CourseOut())
    def post(self, fields: dict[str, Any]) -> Any:
        """Create a course draft; its creator owns it."""
        return draft_reply(drafts.create_course(context(), caller(), fields), 201)


@blp.route("/courses/<course_id>")
class CourseById(MethodView):
    @requires()
    @blp.arguments(VersionArgs(), location="query")
    @blp.response(200, CourseOut())
    def get(self, args: dict[str, Any], course_id: str) -> Any:
        """A course: its latest published version, or ?version=N, or (authors) ?version=draft."""
        body_format = "html" if args["format"] == "html" else "markdown"
        fresh = bool(request.cache_control.no_cache)  # read-your-writes: progress asks so on enrolment
        return reply(
            reading.read_course(context(), caller(), course_id, args.get("version"), body_format, fresh)
        )

    @requires(AUTHOR)
    @blp.arguments(CoursePatch())
    @blp.response(200, CourseOut())
    def patch(self, fields: dict[str, Any], course_id: str) -> Any:
        """Edit the draft's course fields (If-Match required; owner, collaborators, admins)."""
        return draft_reply(drafts.update_course(context(), caller(), course_id, fields, if_match_revision()))


@blp.route("/courses/<course_id>/publish")
class Publish(MethodView):
    @requires(AUTHOR)
    @blp.response(201, PublishOut())
    @blp.alt_response(200, schema=PublishOut, description="The draft equals the latest version")
    def post(self, course_id: str) -> Any:
        """Validate the draft and freeze it as the next version (200 when nothing changed)."""
        published = publishing.publish(context(), caller(), course_id, bearer())
        return published, 200 if published.unchanged else 201


@blp.route("/courses/<course_id>/versions")
class Versions(MethodView):
    @requires()
    @blp.response(200, VersionOut(many=True))
    def get(self, course_id: str) -> Any:
        """The published versions of a course, oldest first."""
        return reading.list_versions(context(), course_id)


@blp.route("/courses/<course_id>/retire")
class Retire(MethodView):
    @requires(AUTHOR)
    @blp.response(200, CourseOut())
    def post(self, course_id: str) -> Any:
        """Retire a course: no new enrolments; existing ones continue."""
        return draft_view(publishing.retire(context(), caller(), course_id))
