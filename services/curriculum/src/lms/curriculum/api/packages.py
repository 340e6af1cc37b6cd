"""Course packages: import a whole course from JSON or YAML; export a draft or a version."""

from __future__ import annotations

import json

import marshmallow as ma
import yaml
from flask import Response, request
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.curriculum.api import helpers as h
from lms.curriculum.api.schemas import ImportArgs, ImportReport, PackageIn, VersionArgs
from lms.curriculum.domain.packages import document_to_package
from lms.kit.web import Problem, current_principal, requires

blp = Blueprint("course-packages", __name__, description="Whole courses in one JSON or YAML document")
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")
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
    def post(self, args):
        """Import a course package; ?dry_run=true reports the changes, ?publish=true publishes."""
        package = _load_package()
        report = h.curriculum().import_package(
            package, current_principal().sub, dry_run=args["dry_run"], publish=args["publish"]
        )
        return report, 201 if report["created"] and not args["dry_run"] else 200


@blp.route("/courses/<course_id>/package")
class CoursePackage(MethodView):
    @requires("author")
    @blp.arguments(VersionArgs(), location="query")
    @blp.response(200, PackageIn())
    def get(self, args, course_id):
        """Export the draft (default) or ?version=N as a package that imports back unchanged."""
        service = h.curriculum()
        version = args.get("version") or "draft"
        if version == "draft":
            document = service.draft(course_id).document
        else:
            document = service.version(course_id, int(version))[1].document
        package = document_to_package(document)
        wants_yaml = args["format"] == "yaml" or request.accept_mimetypes.best == "application/yaml"
        if wants_yaml:
            text = yaml.safe_dump(package, sort_keys=False, allow_unicode=True, width=100)
            return Response(text, mimetype="application/yaml")
        return package


def _load_package() -> dict:
    raw = request.get_data(cache=False)
    try:
        data = yaml.safe_load(raw) if request.mimetype in YAML_TYPES else json.loads(raw or b"null")
    except (ValueError, yaml.YAMLError) as exc:
        raise Problem(
            400, f"The package is not valid {'YAML' if request.mimetype in YAML_TYPES else 'JSON'}: {exc}"
        ) from None
    if not isinstance(data, dict):
        raise Problem(422, "A package is an object with the course's fields and its modules.")
    try:
        return PackageIn().load(data)
    except ma.ValidationError as exc:
        errors = exc.messages if isinstance(exc.messages, dict) else {"_schema": exc.messages}
        raise Problem(
            422, "The package has invalid fields: " + ", ".join(sorted(map(str, errors))) + ".", errors=errors
        ) from None
