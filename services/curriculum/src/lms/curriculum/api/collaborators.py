"""Collaborators: the authors who may edit a course besides its owner."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from lms.curriculum.api.common import caller, context
from lms.curriculum.api.replies import CollaboratorsOut
from lms.curriculum.api.schemas import CollaboratorsIn
from lms.curriculum.service import collaborators
from lms.kit.web import requires

blp = Blueprint("collaborators", __name__, description="Who may edit a course besides its owner")
AUTHOR = "author"


@blp.route("/courses/<course_id>/collaborators")
class Collaborators(MethodView):
    @requires(AUTHOR)
    @blp.response(200, CollaboratorsOut())
    def get(self, course_id: str) -> Any:
        """The course's owner and collaborators (for those who may edit it)."""
        return collaborators.read_collaborators(context(), caller(), course_id)

    @requires(AUTHOR)
    @blp.arguments(CollaboratorsIn())
    @blp.response(200, CollaboratorsOut())
    def put(self, body: dict[str, Any], course_id: str) -> Any:
        """Replace the collaborators (owner or admin)."""
        return collaborators.replace_collaborators(context(), caller(), course_id, body["collaborators"])


@blp.route("/courses/<course_id>/collaborators/<sub>")
class CollaboratorBySub(MethodView):
    @requires(AUTHOR)
    @blp.response(204)
    def delete(self, course_id: str, sub: str) -> Any:
        """Take one collaborator's edit rights away (owner or admin)."""
        collaborators.remove_collaborator(context(), caller(), course_id, sub)
        return None, 204
