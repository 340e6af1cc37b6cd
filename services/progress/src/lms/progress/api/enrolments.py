"""Enrolments: learners enrol themselves, HR assigns; lesson completion; upgrades."""

from __future__ import annotations

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.kit.web import Problem, current_principal, requires
from lms.progress.api.schemas import EnrolmentIn, EnrolmentOut, EnrolmentQuery, EnrolmentSummary
from lms.progress.errors import NotFound
from lms.progress.service import Progress

blp = Blueprint("enrolments", __name__, description="Enrolments and learners' progress")
HR = ("hr",)


def progress() -> Progress:
    return current_app.extensions["progress"]


def visible(enrolment_id: str, *, hr_allowed: bool = True) -> None:
    """404 unless the caller owns the enrolment (or is HR/admin, where allowed): existence must not leak."""
    principal = current_principal()
    if hr_allowed and principal.has_any(*HR):
        return
    with progress().sessions() as db:
        owner = progress().get(db, enrolment_id).learner_id
    if owner != principal.sub:
        raise NotFound(f"No enrolment {enrolment_id}.")


@blp.route("/enrolments")
class Enrolments(MethodView):
    @requires("learner", *HR)
    @blp.arguments(EnrolmentIn())
    @blp.response(201, EnrolmentOut())
    def post(self, body):
        """Enrol yourself, or (HR) a learner with an optional due date; pinned to the latest version."""
        principal = current_principal()
        learner_id = body.get("learner_id") or principal.sub
        assigned_by = None
        if learner_id != principal.sub:
            if not principal.has_any(*HR):
                raise Problem(403, "Only HR may enrol other learners.")
            assigned_by = principal.sub
        name = body.get("learner_name") or (principal.name if learner_id == principal.sub else learner_id)
        return progress().enrol(learner_id, name, body["course_id"], body.get("due_at"), assigned_by)

    @requires()
    @blp.arguments(EnrolmentQuery(), location="query")
    @blp.response(200, EnrolmentSummary(many=True))
    def get(self, query):
        """List enrolments: your own, or (HR) anyone's by learner_id / course_id."""
        principal = current_principal()
        if not principal.has_any(*HR):
            if query.get("learner_id", principal.sub) != principal.sub:
                raise Problem(403, "Learners see only their own enrolments.")
            query["learner_id"] = principal.sub
        return progress().list(
            query.get("learner_id"), query.get("course_id"), query["limit"], query["offset"]
        )


@blp.route("/enrolments/<enrolment_id>")
class EnrolmentById(MethodView):
    @requires()
    @blp.response(200, EnrolmentOut())
    def get(self, enrolment_id):
        """An enrolment: per-module status, percent, certificate, and why it is or is not complete."""
        visible(enrolment_id)
        return progress().view(enrolment_id)


@blp.route("/enrolments/<enrolment_id>/lessons/<lesson_id>/complete")
class LessonComplete(MethodView):
    @requires()
    @blp.response(200, EnrolmentOut())
    def post(self, enrolment_id, lesson_id):
        """Mark a lesson of your pinned version completed (idempotent)."""
        visible(enrolment_id, hr_allowed=False)
        return progress().complete_lesson(enrolment_id, lesson_id)


@blp.route("/enrolments/<enrolment_id>/upgrade")
class Upgrade(MethodView):
    @requires()
    @blp.response(200, EnrolmentOut())
    def post(self, enrolment_id):
        """Move an active enrolment to the newest version, keeping completed lessons that still exist."""
        visible(enrolment_id)
        return progress().upgrade(enrolment_id)
