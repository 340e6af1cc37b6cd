"""Attempts: start, walk a scenario, submit (idempotent), read, list, review."""

from __future__ import annotations

from typing import Any

from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.assessment.api.attempt_schemas import (
    AttemptListQuery,
    AttemptOut,
    AttemptStarted,
    AttemptSummary,
    ReviewIn,
    StartIn,
    SubmitIn,
    SubmitResult,
    WalkIn,
    WalkOut,
)
from lms.assessment.api.common import answer, context, idempotency_key
from lms.assessment.service import attempts, reviews, starting, submission
from lms.kit.web import current_principal, requires

blp = Blueprint("attempts", __name__, description="Attempts: start, submit, results, reviews")
IDEMPOTENCY = {"parameters": [{"in": "header", "name": "Idempotency-Key", "schema": {"type": "string"}}]}


@blp.route("/assessments/<assessment_id>/attempts")
class AssessmentAttempts(MethodView):
    @requires("learner")
    @blp.arguments(StartIn)
    @blp.response(201, AttemptStarted)
    @blp.doc(**IDEMPOTENCY)
    def post(self, body: dict[str, Any], assessment_id: str) -> Any:
        """Start an attempt on the latest published version (a survey's names its needs analysis)."""
        idem = idempotency_key(body or None)  # most starts have no body
        learner, analysis = current_principal().sub, body.get("needs_analysis_id")
        auth = request.headers.get("Authorization")
        return answer(starting.start_attempt(context(), learner, assessment_id, idem, analysis, auth))

    @requires("learner", "hr")
    @blp.arguments(AttemptListQuery, location="query")
    @blp.response(200, AttemptSummary(many=True))
    def get(self, query: dict[str, Any], assessment_id: str) -> Any:
        """List attempts: a learner's own, or anyone's for hr."""
        page = (query["limit"], query["offset"])
        return attempts.list_attempts(
            context(), current_principal(), assessment_id, query.get("learner_id"), query.get("status"), page
        )


@blp.route("/attempts/<attempt_id>")
class AttemptById(MethodView):
    @requires()
    @blp.response(200, AttemptOut)
    def get(self, attempt_id: str) -> Any:
        """Read an attempt and its result (the owner; hr without reflections)."""
        return attempts.read_attempt(context(), current_principal(), attempt_id)


@blp.route("/attempts/<attempt_id>/submit")
class Submit(MethodView):
    @requires("learner")
    @blp.arguments(SubmitIn)
    @blp.response(200, SubmitResult)
    @blp.doc(**IDEMPOTENCY)
    def post(self, body: dict[str, Any], attempt_id: str) -> Any:
        """Submit the responses and get the grade at once."""
        idem = idempotency_key(body)  # the body as loaded: whitespace, key order and nulls do not count
        return answer(
            submission.submit(context(), current_principal().sub, attempt_id, body["responses"], idem)
        )


@blp.route("/attempts/<attempt_id>/steps")
class ScenarioSteps(MethodView):
    @requires("learner")
    @blp.arguments(WalkIn)
    @blp.response(200, WalkOut)
    def post(self, body: dict[str, Any], attempt_id: str) -> Any:
        """Reveal the next scenario step after the options chosen so far."""
        return attempts.walk_scenario(
            context(), current_principal().sub, attempt_id, body["item_id"], body["option_ids"]
        )


@blp.route("/attempts/<attempt_id>/reviews")
class Reviews(MethodView):
    @requires("hr")
    @blp.arguments(ReviewIn)
    @blp.response(201, AttemptOut)
    def post(self, body: dict[str, Any], attempt_id: str) -> Any:
        """Score a rubric-scored reflection (hr or admin); the last review grades the attempt."""
        principal = current_principal()
        return reviews.review(
            context(), principal, attempt_id, body["item_id"], body["score"], body.get("comment")
        )
