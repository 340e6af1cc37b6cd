"""Courses: create and edit drafts, read published versions, publish, retire."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from lms.curriculum.api import helpers as h
from lms.curriculum.api.schemas import (
    CatalogueArgs,
    CataloguePage,
    CourseIn,
    CourseOut,
    CoursePatch,
    ModuleIn,
    ModuleOut,
    ModulePatch,
    PublishOut,
    VersionArgs,
    VersionOut,
)
from lms.curriculum.catalogue import Query, search
from lms.curriculum.rendering import course_view
from lms.kit.web import Problem, current_principal, requires

blp = Blueprint("courses", __name__, description="Courses, their drafts and published versions")
AUTHOR = ("author",)


@blp.route("/courses")
class Courses(MethodView):
    @requires()
    @blp.arguments(CatalogueArgs(), location="query")
    @blp.response(200, CataloguePage())
    def get(self, args):
        """Browse the catalogue of published courses (authors: ?status=draft or retired)."""
        if args["status"] != "published" and not current_principal().has_any(*AUTHOR):
            raise Problem(403, "Only authors may list draft or retired courses.")
        query = Query(**args)
        service = h.curriculum()
        if query.status != "published":
            with service.sessions() as db:
                return search(db, query)
        cached = h.cache().get_or_build(
            ("catalogue", service.catalogue_revision(), query), lambda: h.dumps(self._search(query))
        )
        return h.json_response(cached.body, cached.etag, h.LATEST_MAX_AGE)

    @staticmethod
    def _search(query: Query) -> dict:
        with h.curriculum().sessions() as db:
            return search(db, query)

    @requires(*AUTHOR)
    @blp.arguments(CourseIn())
    @blp.response(201, CourseOut())
    def post(self, fields):
        """Create a course draft."""
        draft = h.curriculum().create_course(fields, current_principal().sub)
        return h.with_etag(h.draft_view(draft), draft.revision, 201)


@blp.route("/courses/<course_id>")
class CourseById(MethodView):
    @requires()
    @blp.arguments(VersionArgs(), location="query")
    @blp.response(200, CourseOut())
    def get(self, args, course_id):
        """A course: its latest published version, or ?version=N, or (authors) ?version=draft."""
        version, body_format = args.get("version"), "html" if args["format"] == "html" else "markdown"
        service = h.curriculum()
        if version == "draft":
            self._author_only()
            draft = service.draft(course_id)
            return h.with_etag(h.draft_view(draft), draft.revision)
        number = int(version) if version else service.latest_version(course_id)
        cached = h.cache().get_or_build(
            ("version", course_id, number, body_format),
            lambda: h.dumps(self._version_view(course_id, number, body_format)),
        )
        return h.json_response(cached.body, cached.etag, h.VERSION_MAX_AGE if version else h.LATEST_MAX_AGE)

    @requires(*AUTHOR)
    @blp.arguments(CoursePatch())
    @blp.response(200, CourseOut())
    def patch(self, fields, course_id):
        """Edit the draft's course fields (If-Match required)."""
        draft = h.curriculum().update_course(course_id, fields, h.if_match_revision())
        return h.with_etag(h.draft_view(draft), draft.revision)

    @staticmethod
    def _author_only() -> None:
        if not current_principal().has_any(*AUTHOR):
            raise Problem(403, "Only authors may read drafts.")

    @staticmethod
    def _version_view(course_id: str, version: int, body_format: str) -> dict:
        row, version_row = h.curriculum().version(course_id, version)
        view = course_view(
            course_id,
            version_row.document,
            version=version,
            status=row.status,
            published_at=version_row.published_at,
            body_format=body_format,
        )
        view["latest_version"] = row.latest_version
        return view


@blp.route("/courses/<course_id>/modules")
class Modules(MethodView):
    @requires(*AUTHOR)
    @blp.arguments(ModuleIn())
    @blp.response(201, ModuleOut())
    def post(self, fields, course_id):
        """Add a module with its lessons to the draft (If-Match required)."""
        draft, module = h.curriculum().add_module(course_id, fields, h.if_match_revision())
        return module, 201, {"ETag": h.draft_etag(draft.revision)}


@blp.route("/courses/<course_id>/modules/<module_id>")
class ModuleById(MethodView):
    @requires(*AUTHOR)
    @blp.arguments(ModulePatch())
    @blp.response(200, ModuleOut())
    def patch(self, fields, course_id, module_id):
        """Edit a module of the draft; `lessons` replaces its lessons (If-Match required)."""
        draft, module = h.curriculum().update_module(course_id, module_id, fields, h.if_match_revision())
        return module, 200, {"ETag": h.draft_etag(draft.revision)}

    @requires(*AUTHOR)
    @blp.response(204)
    def delete(self, course_id, module_id):
        """Remove a module from the draft (If-Match required)."""
        draft = h.curriculum().delete_module(course_id, module_id, h.if_match_revision())
        return None, 204, {"ETag": h.draft_etag(draft.revision)}


@blp.route("/courses/<course_id>/publish")
class Publish(MethodView):
    @requires(*AUTHOR)
    @blp.response(201, PublishOut())
    def post(self, course_id):
        """Validate the draft and freeze it as the next version (200 when nothing changed)."""
        result = h.curriculum().publish(course_id, current_principal().sub)
        return result, 200 if result["unchanged"] else 201


@blp.route("/courses/<course_id>/versions")
class Versions(MethodView):
    @requires()
    @blp.response(200, VersionOut(many=True))
    def get(self, course_id):
        """The published versions of a course, oldest first."""
        return h.curriculum().versions(course_id)


@blp.route("/courses/<course_id>/retire")
class Retire(MethodView):
    @requires(*AUTHOR)
    @blp.response(200, CourseOut())
    def post(self, course_id):
        """Retire a course: no new enrolments; existing ones continue."""
        return h.draft_view(h.curriculum().retire(course_id))
