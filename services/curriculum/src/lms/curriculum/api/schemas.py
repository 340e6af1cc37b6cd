"""marshmallow schemas of what the curriculum API accepts (validation and the OpenAPI document)."""

from __future__ import annotations

from marshmallow import fields, validate

from lms.curriculum.domain.document import LESSON_KINDS
from lms.curriculum.domain.limits import MAX_MODULES
from lms.kit.web import numbers
from lms.kit.web.schemas import Strict

SLUG = validate.Regexp(r"^[a-z0-9][a-z0-9-]{0,118}$", error="lower-case letters, digits and dashes")
KEY = validate.Regexp(r"^[a-z0-9][a-z0-9._-]{0,79}$", error="lower-case letters, digits, '.', '_' and '-'")
Tags = lambda: fields.List(fields.String(validate=validate.Length(1, 120)), load_default=list)  # noqa: E731


class CourseIn(Strict):
    slug = fields.String(required=True, validate=SLUG)
    title = fields.String(required=True, validate=validate.Length(1, 300))
    summary = fields.String(load_default="", validate=validate.Length(max=4000))
    topics = Tags()
    competencies = Tags()


class CoursePatch(Strict):
    """Only the fields sent change."""

    slug = fields.String(validate=SLUG)
    title = fields.String(validate=validate.Length(1, 300))
    summary = fields.String(validate=validate.Length(max=4000))
    topics = fields.List(fields.String(validate=validate.Length(1, 120)))
    competencies = fields.List(fields.String(validate=validate.Length(1, 120)))


class LessonIn(Strict):
    id = fields.String(validate=validate.Length(1, 64), metadata={"description": "keep an existing lesson"})
    key = fields.String(validate=KEY)
    position = numbers.count(load_only=True, metadata={"description": "ignored: the list order is the order"})
    title = fields.String(required=True, validate=validate.Length(1, 300))
    kind = fields.String(load_default="text", validate=validate.OneOf(LESSON_KINDS))
    body = fields.String(required=True, validate=validate.Length(1, 200_000))
    duration_min = fields.Integer(load_default=5, validate=validate.Range(0, 600))
    competencies = Tags()


class ModuleIn(Strict):
    key = fields.String(validate=KEY)
    title = fields.String(required=True, validate=validate.Length(1, 300))
    summary = fields.String(load_default="", validate=validate.Length(max=4000))
    required = fields.Boolean(load_default=True)
    competencies = Tags()
    assessment_id = fields.String(allow_none=True, validate=validate.Length(1, 64))
    assessment_slug = fields.String(allow_none=True, validate=validate.Length(1, 200))
    lessons = fields.List(fields.Nested(LessonIn), load_default=list)
    position = numbers.count(maximum=MAX_MODULES)


class ModulePatch(Strict):
    """Only the fields sent change; `lessons` replaces the module's lessons (send ids to keep them)."""

    title = fields.String(validate=validate.Length(1, 300))
    summary = fields.String(validate=validate.Length(max=4000))
    required = fields.Boolean()
    competencies = fields.List(fields.String(validate=validate.Length(1, 120)))
    assessment_id = fields.String(allow_none=True, validate=validate.Length(1, 64))
    assessment_slug = fields.String(allow_none=True, validate=validate.Length(1, 200))
    lessons = fields.List(fields.Nested(LessonIn))
    position = numbers.count(maximum=MAX_MODULES)


class PackageModule(ModuleIn):
    key = fields.String(required=True, validate=KEY)
    cmi5 = fields.Dict(
        allow_none=True,
        metadata={"description": "a cmi5 course structure, as an export gives it (see POST /cmi5-packages)"},
    )


class PackageIn(CourseIn):
    diagnostic_slug = fields.String(validate=validate.Length(1, 200))
    modules = fields.List(fields.Nested(PackageModule), load_default=list)


class CatalogueArgs(Strict):
    topic = fields.String()
    competency = fields.String()
    q = fields.String(validate=validate.Length(max=200))
    page = fields.Integer(load_default=1, validate=validate.Range(1, 100_000))
    page_size = fields.Integer(load_default=20, validate=validate.Range(1, 100))
    status = fields.String(
        load_default="published", validate=validate.OneOf(["published", "draft", "retired"])
    )


class VersionArgs(Strict):
    version = fields.String(
        validate=validate.Regexp(r"^(draft|[1-9][0-9]{0,8})$", error="'draft' or a version number")
    )
    format = fields.String(
        load_default="markdown", validate=validate.OneOf(["markdown", "html", "json", "yaml"])
    )


class ImportArgs(Strict):
    dry_run = fields.Boolean(load_default=False)
    publish = fields.Boolean(load_default=False)


class Cmi5ImportArgs(Strict):
    course_id = fields.String(
        validate=validate.Length(1, 64), metadata={"description": "import as a module of this course"}
    )
    slug = fields.String(
        validate=SLUG, metadata={"description": "the new course's slug (default: from the title)"}
    )
    required = fields.Boolean(load_default=True, metadata={"description": "whether the module is required"})
    publish = fields.Boolean(load_default=False)


class CollaboratorsIn(Strict):
    collaborators = fields.List(fields.String(validate=validate.Length(1, 200)), required=True)
