"""cmi5 packages: a ZIP with `cmi5.xml` and its files, or a `cmi5.xml` naming remote AUs."""

from __future__ import annotations

from typing import Any

from flask import current_app, request
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.curriculum.api.common import bearer, caller, context, if_match_revision
from lms.curriculum.api.replies import Cmi5ImportReport
from lms.curriculum.api.schemas import Cmi5ImportArgs
from lms.curriculum.domain.errors import UnsupportedType
from lms.curriculum.service import cmi5_packages
from lms.kit.web import requires

blp = Blueprint("cmi5-packages", __name__, description="cmi5 course packages (ZIP or cmi5.xml)")
FORMS = {
    "application/zip": cmi5_packages.ZIP,
    "application/x-zip-compressed": cmi5_packages.ZIP,
    "application/xml": cmi5_packages.XML,
    "text/xml": cmi5_packages.XML,
}
MAX_PACKAGE_BYTES = 64 * 1024 * 1024  # a package with its media; every other body keeps the kit's cap
BODY = {
    "required": True,
    "content": {
        "application/zip": {"schema": {"type": "string", "format": "binary"}},
        "application/xml": {"schema": {"type": "string"}},
    },
}


@blp.route("/cmi5-packages")
class Cmi5Packages(MethodView):
    @requires("author")
    @blp.arguments(Cmi5ImportArgs(), location="query")
    @blp.response(201, Cmi5ImportReport())
    @blp.alt_response(200, schema=Cmi5ImportReport, description="The package went into an existing course")
    @blp.doc(requestBody=BODY)
    def post(self, args: dict[str, Any]) -> Any:
        """Import a cmi5 package as a new course, or with ?course_id= as a module of that course.

        Validated against the cmi5 XSD and rules (422 naming each line); an unsafe or unreadable
        archive is a 400, one too large a 413; nothing is stored then.
        """
        request.max_content_length = MAX_PACKAGE_BYTES  # before the body is read: 413 beyond
        form = FORMS.get(request.mimetype)
        if form is None:
            raise UnsupportedType(
                f"A cmi5 package is application/zip or application/xml, not {request.mimetype!r}."
            )
        ask = cmi5_packages.Cmi5Request(
            request.get_data(cache=False),
            form,
            course_id=args.get("course_id"),
            slug=args.get("slug"),
            required=args["required"],
            publish=args["publish"],
            if_match=if_match_revision(),
            bearer=bearer(),
        )
        report = cmi5_packages.import_cmi5(context(), current_app.extensions["lms.content"], caller(), ask)
        return report, 201 if report["created"] else 200
