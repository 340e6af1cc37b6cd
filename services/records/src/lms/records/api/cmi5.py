"""cmi5 for the learner's frontend and HR: launch an AU, see the AUs, waive one, abandon a session,
and the one-time fetch URL an AU posts to for its token."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import fields, validate

from lms.kit.web import requires
from lms.kit.web.schemas import Reply, Strict
from lms.records.api.common import caller, context, json_reply
from lms.records.domain.cmi5.launch import LAUNCH_MODES
from lms.records.service.cmi5 import ending, launching, sessions, standing

blp = Blueprint("cmi5", __name__, description="cmi5: launching assignable units (AUs) for an enrolment")


class LaunchIn(Strict):
    launch_mode = fields.String(load_default="Normal", validate=validate.OneOf(LAUNCH_MODES))
    return_url = fields.Url(
        schemes={"http", "https"},
        validate=validate.Length(max=2000),
        metadata={"description": "where the AU sends the learner when it ends (LMS.LaunchData returnURL)"},
    )


class LaunchOut(Reply):
    launch_url = fields.String(
        metadata={"description": "open it (launch_method OwnWindow: in its own window)"}
    )
    launch_method = fields.String(metadata={"description": "AnyWindow | OwnWindow"})
    launch_mode = fields.String()
    session_id = fields.String()
    registration = fields.String(metadata={"description": "the cmi5 registration: the enrolment's id"})
    activity_id = fields.String(metadata={"description": "the AU's activity id in statements"})
    au_id = fields.String(metadata={"description": "the AU's id in the course structure"})
    lesson_id = fields.String()


class AuOut(Reply):
    lesson_id = fields.String()
    module_id = fields.String()
    au_id = fields.String()
    title = fields.String()
    activity_id = fields.String()
    launch_method = fields.String()
    move_on = fields.String()
    completed = fields.Boolean()
    passed = fields.Boolean()
    waived = fields.Boolean()
    satisfied = fields.Boolean()
    satisfied_at = fields.String(allow_none=True)


class AusOut(Reply):
    enrolment_id = fields.String()
    registration = fields.String()
    items = fields.List(fields.Nested(AuOut))


class WaiveIn(Strict):
    reason = fields.String(
        required=True,
        validate=validate.Length(1, 200),
        metadata={
            "description": "Tested Out, Equivalent AU, Equivalent Outside Activity, Administrative, ..."
        },
    )


class WaiveOut(Reply):
    enrolment_id = fields.String()
    lesson_id = fields.String()
    waived = fields.Boolean()
    session_id = fields.String(metadata={"description": "the session id of the waived statement"})


class SessionOut(Reply):
    session_id = fields.String()
    state = fields.String()


@blp.route("/enrolments/<enrolment_id>/aus/<lesson_id>/launches")
class Launches(MethodView):
    @requires("learner")
    @blp.arguments(LaunchIn())
    @blp.response(201, LaunchOut())
    def post(self, fields_: dict[str, Any], enrolment_id: str, lesson_id: str) -> Any:
        """Launch an AU of your enrolment: a new session, its LaunchData and launched statement."""
        ask = launching.LaunchRequest(
            enrolment_id, lesson_id, fields_["launch_mode"], fields_.get("return_url")
        )
        return launching.launch(context(), caller(), ask), 201


@blp.route("/enrolments/<enrolment_id>/aus")
class Aus(MethodView):
    @requires("learner", "hr")
    @blp.response(200, AusOut())
    def get(self, enrolment_id: str) -> Any:
        """The cmi5 AUs of an enrolment's version and where the learner stands on each."""
        return standing.aus_of(context(), caller(), enrolment_id)


@blp.route("/enrolments/<enrolment_id>/aus/<lesson_id>/waive")
class Waive(MethodView):
    @requires("hr")
    @blp.arguments(WaiveIn())
    @blp.response(200, WaiveOut())
    def post(self, fields_: dict[str, Any], enrolment_id: str, lesson_id: str) -> Any:
        """Waive an AU (once per enrolment): it counts as satisfied; the waived statement says why."""
        return ending.waive(context(), caller(), enrolment_id, lesson_id, fields_["reason"])


@blp.route("/cmi5/sessions/<session_id>/abandon")
class Abandon(MethodView):
    @requires("learner", "hr")
    @blp.response(200, SessionOut())
    def post(self, session_id: str) -> Any:
        """Abandon an open session (its learner, HR): abandoned statement; its token stops working."""
        return ending.abandon(context(), caller(), session_id)


@blp.route("/cmi5/fetch/<key>")
class Fetch(MethodView):
    @blp.doc(security=[])
    @blp.response(
        200, description="`{auth-token}` the first time; `{error-code, error-text}` after (cmi5 8.2)"
    )
    def post(self, key: str) -> Response:
        """The fetch URL of a launch (public): POST it once for the session's auth-token."""
        return json_reply(sessions.fetch(context(), key).body(), headers={"Cache-Control": "no-store"})
