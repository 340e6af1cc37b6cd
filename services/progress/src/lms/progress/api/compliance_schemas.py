"""marshmallow schemas of certifications and the compliance report."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields

STATES = "valid | expiring | expired (completed); open | overdue (not completed yet)"


class _Strict(ma.Schema):
    class Meta:
        unknown = ma.RAISE


class CycleOut(ma.Schema):
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


class Certifications(ma.Schema):
    learner_id = fields.String()
    items = fields.List(fields.Nested(CycleOut))


class ReportQuery(_Strict):
    team_id = fields.String()
    course_id = fields.String()


class Person(ma.Schema):
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


class ComplianceReport(ma.Schema):
    team_id = fields.String(allow_none=True)
    course_id = fields.String(allow_none=True)
    as_of = fields.AwareDateTime()
    assigned = fields.Integer()
    compliant_count = fields.Integer()
    compliant_pct = fields.Float(allow_none=True)
    compliant = fields.List(fields.Nested(Person))
    expiring_within_30_days = fields.List(fields.Nested(Person))
    overdue = fields.List(fields.Nested(Person))
    never_started = fields.List(fields.Nested(Person))
    in_progress = fields.List(fields.Nested(Person))
