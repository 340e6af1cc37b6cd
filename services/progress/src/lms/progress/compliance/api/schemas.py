"""marshmallow schemas of certifications and the compliance report."""

from __future__ import annotations

from marshmallow import fields

from lms.kit.web.schemas import Reply, Strict, items_of

STATES = "valid | expiring | expired (completed); open | overdue (not completed yet)"


class CycleOut(Reply):
    assignment_id = fields.String()
    course_id = fields.String()
    cycle = fields.Integer()
    course_version = fields.Integer(allow_none=True)
    opened_at = fields.AwareDateTime()
    due_at = fields.AwareDateTime(allow_none=True)
    completed_at = fields.AwareDateTime(allow_none=True)
    valid_until = fields.AwareDateTime(allow_none=True)
    score = fields.Float(allow_none=True)
    state = fields.String(metadata={"description": STATES})
    certificate_code = fields.String(allow_none=True)


class Certifications(Reply):
    learner_id = fields.String()
    items = items_of(CycleOut)


class ReportQuery(Strict):
    team_id = fields.String()
    course_id = fields.String()


class Person(Reply):
    learner_id = fields.String()
    name = fields.String()
    course_id = fields.String()
    assignment_id = fields.String()
    cycle = fields.Integer()
    standing = fields.String(
        metadata={"description": "compliant | expiring | overdue | never_started | in_progress"}
    )
    due_at = fields.AwareDateTime(allow_none=True)
    valid_until = fields.AwareDateTime(allow_none=True)


class ComplianceReport(Reply):
    team_id = fields.String(allow_none=True)
    course_id = fields.String(allow_none=True)
    as_of = fields.AwareDateTime()
    assigned = fields.Integer()
    compliant_count = fields.Integer()
    compliant_pct = fields.Float(allow_none=True)
    compliant = items_of(Person)
    expiring_within_30_days = items_of(Person)
    overdue = items_of(Person)
    never_started = items_of(Person)
    in_progress = items_of(Person)
