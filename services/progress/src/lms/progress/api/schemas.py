"""marshmallow schemas of the progress API."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from lms.kit.web import numbers


class Strict(ma.Schema):
    class Meta:
        unknown = ma.RAISE


class EnrolmentIn(Strict):
    course_id = fields.String(required=True, validate=validate.Length(1, 64))
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


class EnrolmentQuery(Strict):
    learner_id = fields.String()
    course_id = fields.String()
    limit = fields.Integer(load_default=100, validate=validate.Range(1, 1000))
    offset = numbers.count(load_default=0)


class ModuleProgress(ma.Schema):
    module_id = fields.String()
    title = fields.String()
    required = fields.Boolean()
    status = fields.String(metadata={"description": "not_started | in_progress | completed"})
    lessons_completed = fields.Integer()
    lessons_total = fields.Integer()
    assessment_id = fields.String(allow_none=True)
    assessment_passed = fields.Boolean(allow_none=True)
    missing = fields.List(fields.String())


class EnrolmentOut(ma.Schema):
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


class EnrolmentSummary(ma.Schema):
    id = fields.String()
    learner_id = fields.String()
    course_id = fields.String()
    course_version = fields.Integer()
    status = fields.String()
    percent = fields.Float()
    enrolled_at = fields.DateTime()
    due_at = fields.DateTime(allow_none=True)
    completed_at = fields.DateTime(allow_none=True)


class FeedQuery(Strict):
    since = numbers.cursor(
        load_default=0,
        metadata={"description": "the next_cursor of the previous page (opaque)"},
    )
    limit = fields.Integer(load_default=100, validate=validate.Range(1, 1000))


class CsvQuery(Strict):
    from_ = fields.AwareDateTime(data_key="from")
    to = fields.AwareDateTime()


class Completion(ma.Schema):
    id = fields.String()
    enrolment_id = fields.String()
    learner_id = fields.String()
    course_id = fields.String()
    course_title = fields.String()
    course_version = fields.Integer()
    completed_at = fields.String()
    score = fields.Float(allow_none=True)
    certificate_code = fields.String()
    external_id = fields.String(allow_none=True, metadata={"description": "the HR system's id, when known"})
    employee_number = fields.String(allow_none=True)
    cycle = fields.Integer(metadata={"description": "1, or 2, 3, ... for a recertification"})


class CompletionPage(ma.Schema):
    items = fields.List(fields.Nested(Completion))
    next_cursor = fields.String()


class WebhookIn(Strict):
    url = fields.Url(required=True, schemes={"http", "https"}, require_tld=False)
    event_types = fields.List(fields.String(), required=True, validate=validate.Length(min=1))


class WebhookSummary(ma.Schema):
    id = fields.String()
    url = fields.String()
    event_types = fields.List(fields.String())
    status = fields.String()
    disabled_reason = fields.String(allow_none=True)
    created_at = fields.DateTime()


class WebhookOut(WebhookSummary):
    secret = fields.String(metadata={"description": "whsec_<base64>; shown when created"})


class Delivery(ma.Schema):
    id = fields.String()
    event_id = fields.String()
    event_type = fields.String()
    status = fields.String(metadata={"description": "pending | delivered | failed | cancelled"})
    attempts = fields.Integer()
    last_status_code = fields.Integer(allow_none=True)
    last_error = fields.String(allow_none=True)
    next_attempt_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    delivered_at = fields.DateTime(allow_none=True)


class Certificate(ma.Schema):
    code = fields.String()
    name = fields.String()
    course = fields.String()
    course_version = fields.Integer()
    completed_at = fields.DateTime()
    cycle = fields.Integer(metadata={"description": "only for a course HR has people recertify"})
    valid_until = fields.DateTime()
    expired = fields.Boolean()
    expired_at = fields.DateTime(allow_none=True)
