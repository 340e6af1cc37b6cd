"""Modules of a course draft: add, edit, remove."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from lms.curriculum.api.common import caller, context, draft_etag, if_match_revision
from lms.curriculum.api.replies import ModuleOut
from lms.curriculum.api.schemas import ModuleIn, ModulePatch
from lms.curriculum.service import modules
from lms.curriculum.service.presenters import module_view
from lms.kit.web import requires

blp = Blueprint("modules", __name__, description="Modules and lessons of a course draft")
AUTHOR = "author"


@blp.route("/courses/<course_id>/modules")
class Modules(MethodView):
    @requires(AUTHOR)
    @blp.arguments(ModuleIn())
    @blp.response(201, ModuleOut())
    def post(self, fields: dict[str, Any], course_id: str) -> Any:
        """Add a module with its lessons to the draft (If-Match honoured when sent)."""
        draft, module = modules.add_module(context(), caller(), course_id, fields, if_match_revision())
        return module_view(module), 201, {"ETag": draft_etag(draft.revision)}


@blp.route("/courses/<course_id>/modules/<module_id>")
class ModuleById(MethodView):
    @requires(AUTHOR)
    @blp.arguments(ModulePatch())
    @blp.response(200, ModuleOut())
    def patch(self, fields: dict[str, Any], course_id: str, module_id: str) -> Any:
        """Edit a module of the draft; `lessons` replaces its lessons (If-Match required)."""
        draft, module = modules.update_module(
            context(), caller(), course_id, module_id, fields, if_match_revision()
        )
        return module_view(module), 200, {"ETag": draft_etag(draft.revision)}

    @requires(AUTHOR)
    @blp.response(204)
    def delete(self, course_id: str, module_id: str) -> Any:
        """Remove a module from the draft (If-Match required)."""
        draft = modules.delete_module(context(), caller(), course_id, module_id, if_match_revision())
        return None, 204, {"ETag": draft_etag(draft.revision)}
