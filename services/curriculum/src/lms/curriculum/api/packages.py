"""Course packages: import a whole course from JSON or YAML; export a draft or a version."""

from __future__ import annotations

from typing import Any

import yaml
from flask import Response, request
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.curriculum.api.common import bearer, caller, context, draft_etag, if_match_revision
from lms.curriculum.api.package_body import load_package
from lms.curriculum.api.replies import ImportReport
from lms.curriculum.api.schemas import ImportArgs, PackageIn, VersionArgs
from lms.curriculum.service import packages
from lms.kit.web import requires

blp = Blueprint("course-packages", __name__, description="Whole courses in one JSON or YAML document")
JSON_PACKAGE = {"application/json": {"schema": PackageIn}}
PACKAGE_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": PackageIn},
        "application/yaml": {"schema": PackageIn},
    },
}


@blp.route("/course-packages")
class CoursePackages(MethodView):
    @requires("author")
    @blp.arguments(ImportArgs(), location="query")
    @blp.response(200, ImportReport())
    @blp.alt_response(201, schema=ImportReport, description="The package created a new course")
    @blp.doc(requestBody=PACKAGE_BODY)
    def post(self, args: dict[str, Any]) -> Any:
        """Import a package; ?dry_run=true reports changes, ?publish=true publishes.

        Over an existing slug: owner, collaborators or admins only, with If-Match (the draft's ETag).
        """
        ask = packages.ImportRequest(
            load_package(), args["dry_run"], args["publish"], if_match_revision(), bearer()
        )
        imported = packages.import_package(context(), caller(), ask)
        headers = {"ETag": draft_etag(imported.revision)} if imported.revision else {}
        return imported.report, 201 if imported.created and not ask.dry_run else 200, headers


@blp.route("/courses/<course_id>/package")
class CoursePackage(MethodView):
    @requires("author")
    @blp.arguments(VersionArgs(), location="query")
    @blp.response(200, PackageIn())
    @blp.doc(responses={"200": {"content": {"application/yaml": {"schema": PackageIn}, **JSON_PACKAGE}}})
    def get(self, args: dict[str, Any], course_id: str) -> Any:
        """Export the draft (default) or ?version=N as a package that imports back unchanged."""
        package = packages.export_package(context(), caller(), course_id, args.get("version"))
        if args["format"] == "yaml" or request.accept_mimetypes.best == "application/yaml":
            text = yaml.safe_dump(package, sort_keys=False, allow_unicode=True, width=100)
            return Response(text, mimetype="application/yaml")
        return package
