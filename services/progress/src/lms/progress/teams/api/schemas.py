"""marshmallow schemas of teams, the manager's view and assignments."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields

from lms.kit.web.schemas import Reply, Strict, items_of, validate

MAX_LEARNERS = 10_000


class TeamOut(Reply):
    id = fields.String()
    display_name = fields.String()
    member_count = fields.Integer()
    manager_ids = fields.List(fields.String())


class TeamList(Reply):
    items = items_of(TeamOut)


class MemberRow(Reply):
    learner_id = fields.String()
    name = fields.String()
    assignment_id = fields.String()
    course_id = fields.String()
    enrolment_id = fields.String(allow_none=True)
    status = fields.String(metadata={"description": "not_started | in_progress | completed | closed"})
    due_at = fields.AwareDateTime(allow_none=True)
    overdue = fields.Boolean()
    completed_at = fields.AwareDateTime(allow_none=True)
    score = fields.Float(allow_none=True)


class TeamProgress(Reply):
    team_id = fields.String()
    display_name = fields.String()
    items = items_of(MemberRow)


class MyTeam(Reply):
    items = items_of(MemberRow)


class AssignmentIn(Strict):
    course_id = fields.String(required=True, validate=validate.Length(1, 64))
    team_id = fields.String(validate=validate.Length(1, 64))
    learner_ids = fields.List(
        fields.String(validate=validate.Length(1, 200)), validate=validate.Length(1, MAX_LEARNERS)
    )
    due_at = fields.AwareDateTime()
    due_in_days = fields.Integer(validate=validate.Range(1, 3650))
    recertify_every_days = fields.Integer(validate=validate.Range(1, 3650))
    window_days = fields.Integer(validate=validate.Range(1, 3650))
    grace_days = fields.Integer(validate=validate.Range(0, 3650))
    remind_before_days = fields.List(
        fields.Integer(validate=validate.Range(1, 3650)), validate=validate.Length(max=10)
    )
    escalate_after_days = fields.Integer(validate=validate.Range(1, 3650))

    @ma.validates_schema
    def one_target_and_one_due_rule(self, data, **_):
        if ("team_id" in data) == ("learner_ids" in data):
            raise ma.ValidationError("Give either team_id or learner_ids.", "team_id")
        if "due_at" in data and "due_in_days" in data:
            raise ma.ValidationError("Give due_at or due_in_days, not both.", "due_at")


class CurrentCycle(Reply):
    cycle = fields.Integer()
    status = fields.String()
    state = fields.String(metadata={"description": "valid | expiring | expired | open | overdue"})
    due_at = fields.AwareDateTime(allow_none=True)
    completed_at = fields.AwareDateTime(allow_none=True)
    valid_until = fields.AwareDateTime(allow_none=True)
    certificate_code = fields.String(allow_none=True)


class AssignmentOut(Reply):
    id = fields.String()
    course_id = fields.String()
    team_id = fields.String(allow_none=True)
    learner_ids = fields.List(fields.String(), allow_none=True)
    due_at = fields.AwareDateTime(allow_none=True)
    due_in_days = fields.Integer(allow_none=True)
    recertify_every_days = fields.Integer(allow_none=True)
    window_days = fields.Integer(allow_none=True)
    grace_days = fields.Integer(allow_none=True)
    remind_before_days = fields.List(fields.Integer(), allow_none=True)
    escalate_after_days = fields.Integer(allow_none=True)
    created_by = fields.String()
    created_at = fields.AwareDateTime()
    status = fields.String()
    assigned = fields.Integer(metadata={"description": "learners with an open assignment row"})
    current_cycle = fields.Nested(
        CurrentCycle,
        allow_none=True,
        metadata={"description": "with ?learner_id=: that learner's latest cycle"},
    )


class AssignmentQuery(Strict):
    team_id = fields.String()
    learner_id = fields.String()


class AssignmentList(Reply):
    items = items_of(AssignmentOut)
