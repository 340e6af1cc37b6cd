"""marshmallow schemas of what the curriculum API answers (the OpenAPI document)."""

from __future__ import annotations

from marshmallow import fields

from lms.kit.web.schemas import Reply, items_of


class LessonOut(Reply):
    id = fields.String()
    key = fields.String()
    position = fields.Integer()
    title = fields.String()
    kind = fields.String()
    duration_min = fields.Integer()
    competencies = fields.List(fields.String())
    body = fields.String(metadata={"description": "Markdown, or sanitised HTML with ?format=html"})


class ModuleOut(Reply):
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
    cmi5 = fields.Dict(
        metadata={
            "description": "a cmi5 course (POST /cmi5-packages): its structure of blocks and AUs; each AU "
            "names its lesson (kind `au`), launched by POST /enrolments/{id}/aus/{lesson_id}/launches"
        }
    )


class Cmi5ImportReport(Reply):
    course_id = fields.String()
    module_id = fields.String(metadata={"description": "the module standing for the cmi5 course"})
    created = fields.Boolean()
    cmi5_course_id = fields.String(metadata={"description": "the publisher's IRI of the cmi5 course"})
    aus = fields.Integer()
    blocks = fields.Integer()
    package = fields.String(
        allow_none=True, metadata={"description": "its files are served at /content/<package>/"}
    )
    changes = fields.List(fields.String())
    published_version = fields.Integer(allow_none=True)


class CourseSummary(Reply):
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
    diagnostic_id = fields.String(
        allow_none=True, metadata={"description": "the course's diagnostic, when it names a published one"}
    )
    modules = fields.List(fields.Nested(ModuleOut))


class CataloguePage(Reply):
    items = items_of(CourseSummary)
    page = fields.Integer()
    page_size = fields.Integer()
    total = fields.Integer()
    pages = fields.Integer()


class VersionOut(Reply):
    version = fields.Integer()
    published_at = fields.DateTime()
    published_by = fields.String()


class PublishOut(Reply):
    course_id = fields.String()
    version = fields.Integer()
    published_at = fields.DateTime()
    unchanged = fields.Boolean(metadata={"description": "true when the draft equals the latest version"})


class ImportReport(Reply):
    course_id = fields.String()
    slug = fields.String()
    created = fields.Boolean()
    changes = fields.List(fields.String())
    published_version = fields.Integer(allow_none=True)
    dry_run = fields.Boolean()


class CollaboratorsOut(Reply):
    course_id = fields.String()
    owner = fields.String(allow_none=True, metadata={"description": "null: only admins may edit"})
    collaborators = fields.List(fields.String())
