"""Request and reply shapes of the insights API."""

from __future__ import annotations

from marshmallow import fields, validate

from lms.kit.web.schemas import ID, Reply, Strict


class NeedsAnalysisIn(Strict):
    team_id = fields.String(required=True, validate=ID)
    survey_id = fields.String(required=True, validate=ID)
    leader_questionnaire_id = fields.String(load_default=None, allow_none=True, validate=ID)
    opens_at = fields.AwareDateTime(required=True)
    closes_at = fields.AwareDateTime(required=True)


class NeedsAnalysisOut(Reply):
    id = fields.String()
    team_id = fields.String()
    survey_id = fields.String()
    leader_questionnaire_id = fields.String(allow_none=True)
    opens_at = fields.String()
    closes_at = fields.String()
    status = fields.String(metadata={"enum": ["open", "closed"]})
    closed_at = fields.String(allow_none=True)
    invitees = fields.List(
        fields.String(), metadata={"description": "the invitation list (team at creation)"}
    )
    invited = fields.Integer()
    participated = fields.Integer()
    respondents = fields.Integer()
    created_by = fields.String()
    created_at = fields.String()


class InvitationOut(Reply):
    needs_analysis_id = fields.String()
    status = fields.String(metadata={"enum": ["open", "closed"]})
    opens_at = fields.String()
    closes_at = fields.String()
    surveys = fields.List(
        fields.String(), metadata={"description": "the surveys the caller is asked to answer"}
    )


class ReportOut(Reply):
    """Counts and the state always; the rest only once frozen, with enough respondents, and not
    too close to an earlier report (else `suppressed: true` and the `reason`)."""

    needs_analysis_id = fields.String()
    team_id = fields.String()
    respondents = fields.Integer(required=True)
    invited = fields.Integer(required=True)
    min_group_size = fields.Integer(required=True)
    participated = fields.Integer()
    response_rate = fields.Float(allow_none=True)
    suppressed = fields.Boolean(required=True)
    status = fields.String(
        metadata={
            "enum": ["open", "awaiting_responses", "closed"],
            "description": "open: counts so far; awaiting_responses: closed, the sealed responses are "
            "on their way; closed: frozen",
        }
    )
    reason = fields.String(metadata={"description": "why the aggregates are not shown (suppressed only)"})
    available_from = fields.String()
    closed_at = fields.String()
    causes = fields.List(fields.Dict())
    skill_gaps = fields.List(fields.Dict())
    system_causes = fields.List(fields.Dict())
    verdict = fields.String()
    leader_questionnaire = fields.Dict(allow_none=True)
    note = fields.String()


class KpiIngested(Reply):
    received = fields.Integer()
    inserted = fields.Integer()
    corrected = fields.Integer()
    unchanged = fields.Integer()


class MetricIn(Strict):
    name = fields.String(required=True, validate=validate.Regexp(r"^[a-z][a-z0-9_]{1,63}$"))
    description = fields.String(required=True, validate=validate.Length(min=1, max=500))
    unit = fields.String(load_default="score", validate=validate.Length(min=1, max=40))
    higher_is_better = fields.Boolean(load_default=True)


class MetricOut(Reply):
    name = fields.String()
    description = fields.String()
    unit = fields.String()
    higher_is_better = fields.Boolean()
    builtin = fields.Boolean()
    declared_at = fields.String()


class KpiQuery(Strict):
    metric = fields.String(validate=validate.Length(min=1, max=64))


class ImpactQuery(Strict):
    course_id = fields.String(required=True, validate=ID)


class TeamKpisOut(Reply):
    team_id = fields.String()
    items = fields.List(fields.Dict())


class ImpactOut(Reply):
    team_id = fields.String()
    course_id = fields.String()
    window = fields.Dict()
    metrics = fields.List(fields.Dict())
    note = fields.String()
