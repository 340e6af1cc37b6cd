"""Enrolments: learners enrol themselves, HR assigns; lesson completion; upgrades."""

from __future__ import annotations

from typing import Any

from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.kit.web import current_principal, requires
from lms.progress.enrolment.api.schemas import EnrolmentIn, EnrolmentOut, EnrolmentQuery, EnrolmentSummary
from lms.progress.enrolment.service import enrolment_requests, lessons, reading
from lms.progress.web import context

blp = Blueprint("enrolments", __name__, description="Enrolments and learners' progress")
HR = ("hr",)


@blp.route("/enrolments")
class Enrolments(MethodView):
    @requires("learner", *HR)
    @blp.arguments(EnrolmentIn())
    @blp.response(201, EnrolmentOut())
    def post(self, body: dict[str, Any]) -> Any:
        """Enrol yourself, or (HR) a learner with an optional due date; pinned to the latest version."""
        auth = request.headers.get("Authorization")
        return enrolment_requests.request_enrolment(
            context(),
            current_principal(),
            body["course_id"],
            body.get("learner_id"),
            body.get("due_at"),
            auth,
        )

    @requires()
    @blp.arguments(EnrolmentQuery(), location="query")
    @blp.response(200, EnrolmentSummary(many=True))
    def get(self, query: dict[str, Any]) -> Any:
        """List enrolments: your own, or (HR) anyone's by learner_id / course_id."""
        page = (query["limit"], query["offset"])
        return reading.list_enrolments(
            context(), current_principal(), query.get("learner_id"), query.get("course_id"), page
        )


@blp.route("/enrolments/<enrolment_id>")
class EnrolmentById(MethodView):
    @requires()
    @blp.response(200, EnrolmentOut())
    def get(self, enrolment_id: str) -> Any:
        """An enrolment: per-module status, percent, certificate, and why it is or is not complete."""
        return reading.show(context(), current_principal(), enrolment_id)


@blp.route("/enrolments/<enrolment_id>/lessons/<lesson_id>/complete")
class LessonComplete(MethodView):
    @requires()
    @blp.response(200, EnrolmentOut())
    def post(self, enrolment_id: str, lesson_id: str) -> Any:
        """Mark a lesson of your pinned version completed (idempotent)."""
        return lessons.complete_lesson(context(), current_principal(), enrolment_id, lesson_id)


@blp.route("/enrolments/<enrolment_id>/upgrade")
class Upgrade(MethodView):
    @requires()
    @blp.response(200, EnrolmentOut())
    def post(self, enrolment_id: str) -> Any:
        """Move an active enrolment to the newest version, keeping completed lessons that still exist."""
        return lessons.upgrade(context(), current_principal(), enrolment_id)
