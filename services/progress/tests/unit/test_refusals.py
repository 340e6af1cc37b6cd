"""Progress's refusals are the kit's domain errors: the kit's web layer answers each with the
status its class carries, and the problem document is what progress's own table used to send
(the same members, `enrolment` and `enrolment_id` on a duplicate enrolment, `Retry-After` on 503)."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.kit.config import JwtSettings, Settings
from lms.kit.web import create_app, problem_response
from lms.progress.errors import AlreadyEnrolled, Conflict, Forbidden, Invalid, NotFound, Unavailable

EXISTING = {"id": "e-1", "course_id": "c-1", "status": "active", "percent": 0.0}
REFUSALS = {
    "not-found": NotFound("No enrolment e-9."),
    "forbidden": Forbidden("Only HR may enrol other learners."),
    "conflict": Conflict("A completed enrolment keeps the version it was completed on."),
    "already": AlreadyEnrolled("The learner is enrolled on this course already.", EXISTING),
    "invalid": Invalid("Unknown event types.", errors={"event_types": ["unknown: x"]}),
    "unavailable": Unavailable("The course catalogue cannot be read now; try again shortly."),
}
# what each refusal was answered with: (status, problem members besides the standard ones, headers)
EXPECTED = {
    "not-found": (404, {}, {}),
    "forbidden": (403, {}, {}),
    "conflict": (409, {}, {}),
    "already": (409, {"enrolment": EXISTING, "enrolment_id": "e-1"}, {}),
    "invalid": (422, {"errors": {"event_types": ["unknown: x"]}}, {}),
    "unavailable": (503, {}, {"Retry-After": "2"}),
}

blp = Blueprint("refusals", __name__)


@blp.route("/refusals/<kind>")
class Refusal(MethodView):
    @blp.doc(security=[])
    def get(self, kind: str):
        """Refuse."""
        raise REFUSALS[kind]


@pytest.fixture
def app() -> Flask:
    settings = Settings(service="progress", jwt=JwtSettings(secret="unit-test-secret-unit-test-secret!"))
    return create_app(settings, title="Refusals", blueprints=[blp])


@pytest.mark.parametrize("kind", sorted(REFUSALS))
def test_a_refusal_is_answered_as_it_always_was(app, kind):
    status, members, headers = EXPECTED[kind]
    reply = app.test_client().get(f"/api/v1/refusals/{kind}")
    path = f"/api/v1/refusals/{kind}"
    with app.test_request_context(path):
        errors = members.get("errors")
        extensions = {key: value for key, value in members.items() if key != "errors"}
        detail = REFUSALS[kind].detail
        expected = problem_response(status, detail, errors=errors, headers=headers or None, **extensions)
    assert (reply.status_code, reply.mimetype) == (status, "application/problem+json")
    assert reply.get_json() == expected.get_json()
    assert reply.data == expected.data
    for name, value in headers.items():
        assert reply.headers[name] == value
    if not headers:
        assert "Retry-After" not in reply.headers
