"""marshmallow schemas of the HR side: the completion feed, CSV, webhooks, certificates."""

from __future__ import annotations

from marshmallow import fields, validate

from lms.kit.web import numbers
from lms.kit.web.schemas import Reply, Strict, items_of


class FeedQuery(Strict):
    since = numbers.cursor(
        load_default=0,
        metadata={"description": "the next_cursor of the previous page (opaque)"},
    )
    limit = fields.Integer(load_default=100, validate=validate.Range(1, 1000))


class CsvQuery(Strict):
    from_ = fields.AwareDateTime(data_key="from")
    to = fields.AwareDateTime()


class Completion(Reply):
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


class CompletionPage(Reply):
    items = items_of(Completion)
    next_cursor = fields.String()


class WebhookIn(Strict):
    url = fields.Url(required=True, schemes={"http", "https"}, require_tld=False)
    event_types = fields.List(fields.String(), required=True, validate=validate.Length(min=1))


class WebhookSummary(Reply):
    id = fields.String()
    url = fields.String()
    event_types = fields.List(fields.String())
    status = fields.String()
    disabled_reason = fields.String(allow_none=True)
    created_at = fields.DateTime()


class WebhookOut(WebhookSummary):
    secret = fields.String(metadata={"description": "whsec_<base64>; shown when created"})


class Delivery(Reply):
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


class Certificate(Reply):
    code = fields.String()
    name = fields.String()
    course = fields.String()
    course_version = fields.Integer()
    completed_at = fields.DateTime()
    cycle = fields.Integer(metadata={"description": "only for a course HR has people recertify"})
    valid_until = fields.DateTime()
    expired = fields.Boolean()
    expired_at = fields.DateTime(allow_none=True)
