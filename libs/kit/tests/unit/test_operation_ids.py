"""The naming rule for operationIds: resource + verb from the method and the path."""

from __future__ import annotations

import pytest
from flask_smorest import Blueprint

from lms.kit.config import JwtSettings, Settings
from lms.kit.web import create_app
from lms.kit.web.operations import operation_id

JWT = JwtSettings(secret="unit-test-secret-unit-test-secret!")


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", "/api/v1/courses", "listCourses"),
        ("POST", "/api/v1/courses", "createCourse"),
        ("GET", "/api/v1/courses/{course_id}", "getCourse"),
        ("PATCH", "/api/v1/courses/{course_id}", "updateCourse"),
        ("PUT", "/api/v1/assessments/{assessment_id}", "replaceAssessment"),
        ("DELETE", "/api/v1/webhooks/{webhook_id}", "deleteWebhook"),
        ("GET", "/api/v1/courses/{course_id}/versions", "listCourseVersions"),
        ("POST", "/api/v1/courses/{course_id}/publish", "publishCourse"),
        ("POST", "/api/v1/attempts/{attempt_id}/submit", "submitAttempt"),
        ("POST", "/api/v1/needs-analyses/{analysis_id}/close", "closeNeedsAnalysis"),
        ("GET", "/api/v1/needs-analyses/{analysis_id}/report", "getNeedsAnalysisReport"),
        ("GET", "/api/v1/teams/{team_id}/progress", "getTeamProgress"),
        ("POST", "/api/v1/webhooks/{w}/deliveries/{d}/redeliver", "redeliverWebhookDelivery"),
        ("GET", "/api/v1/completions.csv", "exportCompletionsCsv"),
        ("POST", "/api/v1/enrolments/{enrolment_id}/lessons/{lesson_id}/complete", "completeLesson"),
        ("POST", "/api/v1/assessments/{assessment_id}/attempts", "startAttempt"),
    ],
)
def test_the_rule_and_its_overrides_name_operations(method, path, expected):
    assert operation_id(method, path) == expected


def test_a_services_document_names_every_operation_and_describes_every_response():
    blp = Blueprint("widgets", __name__)

    @blp.route("/widgets/<widget_id>")
    @blp.doc(responses={"200": {"content": {"text/plain": {"schema": {"type": "string"}}}}})
    def widget(widget_id: str) -> str:
        """Read a widget."""
        return widget_id

    @blp.route("/widgets", methods=["POST"])
    @blp.doc(operationId="makeWidget")
    def make() -> str:
        """Make a widget."""
        return "made"

    app = create_app(Settings(service="widgets", jwt=JWT), title="widgets", blueprints=[blp])
    paths = app.test_client().get("/openapi.json").get_json()["paths"]
    read = paths["/api/v1/widgets/{widget_id}"]["get"]
    assert read["operationId"] == "getWidget"
    assert read["responses"]["200"]["description"] == "OK"
    assert paths["/api/v1/widgets"]["post"]["operationId"] == "makeWidget", "a view's own id wins"
