"""marshmallow schemas of enrolments: what a learner or HR sends, and where an enrolment stands."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from lms.kit.web.schemas import ID, Paging, Reply, Strict


class EnrolmentIn(Strict):
    course_id = fields.String(required=True, validate=ID)
    learner_id = fields.String(
        validate=validate.Length(1, 200), metadata={"description": "HR only; default: you"}
    )
    learner_name = fields.String(
        validate=lambda _: _refuse_learner_name(),
        metadata={"description": "refused: certificates print the name of your sign-in token"},
    )
    due_at = fields.AwareDateTime(allow_none=True)


def _refuse_learner_name() -> None:
    raise ma.ValidationError(
        "Not accepted: the name on a certificate comes from the sign-in token (or from HR), not the request."
    )


class EnrolmentQuery(Paging):
    learner_id = fields.String()
    course_id = fields.String()


class ModuleProgress(Reply):
    module_id = fields.String()
    title = fields.String()
    required = fields.Boolean()
    status = fields.String(metadata={"description": "not_started | in_progress | completed"})
    lessons_completed = fields.Integer()
    lessons_total = fields.Integer()
    assessment_id = fields.String(allow_none=True)
    assessment_passed = fields.Boolean(allow_none=True)
    missing = fields.List(fields.String())


class EnrolmentOut(Reply):
    id = fields.String()
    learner_id = fields.String()
    course_id = fields.String()
    course_version = fields.Integer()
    status = fields.String(metadata={"description": "active | completed"})
    enrolled_at = fields.DateTime()
    due_at = fields.DateTime(allow_none=True)
    percent = fields.Float()
    completed_at = fields.DateTime(allow_none=True)
    score = fields.Float(allow_none=True)
    certificate_code = fields.String(allow_none=True)
    completion_id = fields.String(allow_none=True)
    evidence = fields.Dict(allow_none=True)
    explanation = fields.List(fields.String(), metadata={"description": "why it is or is not complete"})
    modules = fields.List(fields.Nested(ModuleProgress))


class EnrolmentSummary(Reply):
    id = fields.String()
    learner_id = fields.String()
    course_id = fields.String()
    course_version = fields.Integer()
    status = fields.String()
    percent = fields.Float()
    enrolled_at = fields.DateTime()
    due_at = fields.DateTime(allow_none=True)
    completed_at = fields.DateTime(allow_none=True)
