"""marshmallow schemas of the curriculum API (input validation and the OpenAPI document)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from lms.curriculum.domain.document import LESSON_KINDS

SLUG = validate.Regexp(r"^[a-z0-9][a-z0-9-]{0,118}$", error="lower-case letters, digits and dashes")
KEY = validate.Regexp(r"^[a-z0-9][a-z0-9._-]{0,79}$", error="lower-case letters, digits, '.', '_' and '-'")
Tags = lambda: fields.List(fields.String(validate=validate.Length(1, 120)), load_default=list)  # noqa: E731


class Strict(ma.Schema):
    class Meta:
        unknown = ma.RAISE


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
    position = fields.Integer(
        load_only=True, metadata={"description": "ignored: the list order is the order"}
    )
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
    position = fields.Integer(validate=validate.Range(min=0))


class ModulePatch(Strict):
    """Only the fields sent change; `lessons` replaces the module's lessons (send ids to keep them)."""

    title = fields.String(validate=validate.Length(1, 300))
    summary = fields.String(validate=validate.Length(max=4000))
    required = fields.Boolean()
    competencies = fields.List(fields.String(validate=validate.Length(1, 120)))
    assessment_id = fields.String(allow_none=True, validate=validate.Length(1, 64))
    assessment_slug = fields.String(allow_none=True, validate=validate.Length(1, 200))
    lessons = fields.List(fields.Nested(LessonIn))
    position = fields.Integer(validate=validate.Range(min=0))


class PackageModule(ModuleIn):
    key = fields.String(required=True, validate=KEY)


class PackageIn(CourseIn):
    diagnostic_slug = fields.String(validate=validate.Length(1, 200))
    modules = fields.List(fields.Nested(PackageModule), load_default=list)


class CatalogueArgs(Strict):
    topic = fields.String()
    competency = fields.String()
    q = fields.String(validate=validate.Length(max=200))
    page = fields.Integer(load_default=1, validate=validate.Range(min=1))
    page_size = fields.Integer(load_default=20, validate=validate.Range(1, 100))
    status = fields.String(
        load_default="published", validate=validate.OneOf(["published", "draft", "retired"])
    )


class VersionArgs(Strict):
    version = fields.String(
        validate=validate.Regexp(r"^(draft|[1-9][0-9]*)$", error="'draft' or a version number")
    )
    format = fields.String(
        load_default="markdown", validate=validate.OneOf(["markdown", "html", "json", "yaml"])
    )


class ImportArgs(Strict):
    dry_run = fields.Boolean(load_default=False)
    publish = fields.Boolean(load_default=False)


class LessonOut(ma.Schema):
    id = fields.String()
    key = fields.String()
    position = fields.Integer()
    title = fields.String()
    kind = fields.String()
    duration_min = fields.Integer()
    competencies = fields.List(fields.String())
    body = fields.String(metadata={"description": "Markdown, or sanitised HTML with ?format=html"})


class ModuleOut(ma.Schema):
    id = fields.String()
    key = fields.String()
    position = fields.Integer()
    title = fields.String()
    summary = fields.String()
    required = fields.Boolean()
    competencies = fields.List(fields.String())
    assessment_id = fields.String(allow_none=True)
    assessment_slug = fields.String(allow_none=True)
    lessons = fields.List(fields.Nested(LessonOut))


class CourseSummary(ma.Schema):
    id = fields.String()
    slug = fields.String()
    title = fields.String()
    summary = fields.String()
    topics = fields.List(fields.String())
    competencies = fields.List(fields.String())
    status = fields.String(metadata={"description": "draft | published | retired"})
    version = fields.Raw(metadata={"description": "a version number, or 'draft'"})
    latest_version = fields.Integer(allow_none=True)
    published_at = fields.String(allow_none=True)
    modules_count = fields.Integer()
    lessons_count = fields.Integer()
    duration_min = fields.Integer()


class CourseOut(CourseSummary):
    modules = fields.List(fields.Nested(ModuleOut))


class CataloguePage(ma.Schema):
    items = fields.List(fields.Nested(CourseSummary))
    page = fields.Integer()
    page_size = fields.Integer()
    total = fields.Integer()
    pages = fields.Integer()


class VersionOut(ma.Schema):
    version = fields.Integer()
    published_at = fields.DateTime()
    published_by = fields.String()


class PublishOut(ma.Schema):
    course_id = fields.String()
    version = fields.Integer()
    published_at = fields.DateTime()
    unchanged = fields.Boolean(metadata={"description": "true when the draft equals the latest version"})


class ImportReport(ma.Schema):
    course_id = fields.String()
    slug = fields.String()
    created = fields.Boolean()
    changes = fields.List(fields.String())
    published_version = fields.Integer(allow_none=True)
    dry_run = fields.Boolean()
