"""`/assessments`: drafts, publishing, reading versions (learners never see keys)."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from lms.assessment.api.assessment_schemas import (
    AssessmentListed,
    AssessmentListQuery,
    AssessmentOut,
    AssessmentQuery,
    CollaboratorsIn,
    CollaboratorsOut,
    PublishedOut,
    VersionOut,
)
from lms.assessment.api.common import answer, context
from lms.assessment.api.definition_schemas import AssessmentIn
from lms.assessment.service import assessments, authoring, collaborators
from lms.kit.web import current_principal, requires
from lms.kit.web.preconditions import if_match

blp = Blueprint("assessments", __name__, description="Assessments: drafts, versions, publishing")


def _with_etag(view: dict[str, Any], status: int = 200) -> tuple[dict[str, Any], int, dict[str, str]]:
    return view, status, {"ETag": f'"{view["etag"]}"'} if view.get("status") == "draft" else {}


@blp.route("/assessments")
class Assessments(MethodView):
    @requires("author")
    @blp.arguments(AssessmentListQuery, location="query")
    @blp.response(200, AssessmentListed(many=True))
    def get(self, query: dict[str, Any]) -> Any:
        """List assessments with their draft and latest version (authors)."""
        return assessments.list_assessments(context(), query.get("kind"))

    @requires("author")
    @blp.arguments(AssessmentIn)
    @blp.response(201, AssessmentOut)
    def post(self, body: dict[str, Any]) -> Any:
        """Create a draft from a whole definition."""
        return _with_etag(authoring.create_draft(context(), current_principal(), body), 201)


@blp.route("/assessments/<assessment_id>")
class AssessmentById(MethodView):
    @requires()
    @blp.arguments(AssessmentQuery, location="query")
    @blp.response(200, AssessmentOut)
    def get(self, query: dict[str, Any], assessment_id: str) -> Any:
        """Read the latest published version (authors: `?version=draft` or `?version=N`)."""
        view = assessments.read_assessment(
            context(), current_principal(), assessment_id, query.get("version")
        )
        return _with_etag(view)

    @requires("author")
    @blp.arguments(AssessmentIn)
    @blp.response(200, AssessmentOut)
    def put(self, body: dict[str, Any], assessment_id: str) -> Any:
        """Replace the draft (`If-Match` with the draft's ETag required)."""
        view = authoring.replace_draft(
            context(), current_principal(), assessment_id, body, if_match(weak=False)
        )
        return _with_etag(view)


@blp.route("/assessments/<assessment_id>/publish")
class Publish(MethodView):
    @requires("author")
    @blp.response(201, PublishedOut)
    @blp.alt_response(200, schema=PublishedOut, description="The draft equals the latest version")
    def post(self, assessment_id: str) -> Any:
        """Validate the draft and freeze it as the next version."""
        return answer(authoring.publish(context(), current_principal(), assessment_id))


@blp.route("/assessments/<assessment_id>/collaborators")
class Collaborators(MethodView):
    @requires("author")
    @blp.response(200, CollaboratorsOut)
    def get(self, assessment_id: str) -> Any:
        """The assessment's owner and collaborators (for those who may edit it)."""
        return collaborators.read_collaborators(context(), current_principal(), assessment_id)

    @requires("author")
    @blp.arguments(CollaboratorsIn)
    @blp.response(200, CollaboratorsOut)
    def put(self, body: dict[str, Any], assessment_id: str) -> Any:
        """Replace the collaborators (owner or admin)."""
        caller = current_principal()
        return collaborators.replace_collaborators(context(), caller, assessment_id, body["collaborators"])


@blp.route("/assessments/<assessment_id>/collaborators/<sub>")
class CollaboratorBySub(MethodView):
    @requires("author")
    @blp.response(204)
    def delete(self, assessment_id: str, sub: str) -> Any:
        """Take one collaborator's edit rights away (owner or admin)."""
        collaborators.remove_collaborator(context(), current_principal(), assessment_id, sub)
        return None, 204


@blp.route("/assessments/<assessment_id>/versions")
class Versions(MethodView):
    @requires()
    @blp.response(200, VersionOut(many=True))
    def get(self, assessment_id: str) -> Any:
        """List the published versions."""
        return assessments.list_versions(context(), assessment_id)
