"""Reads of assessments: queries, draft and version views, lists, publish results."""

from __future__ import annotations

from marshmallow import fields, validate

from lms.kit.web.schemas import Reply, Strict, timestamp


class AssessmentQuery(Strict):
    version = fields.String(metadata={"description": "`draft` (authors) or a version number"})


class AssessmentListQuery(Strict):
    kind = fields.String(validate=validate.OneOf(["quiz", "diagnostic", "survey"]))


class PublishedOut(Reply):
    assessment_id = fields.String()
    version = fields.Integer()
    max_score = fields.Float()
    published_at = timestamp()


class AssessmentOut(Reply):
    """A draft or published version; learners get no keys, scores or feedback in `items`."""

    id = fields.String()
    slug = fields.String()
    title = fields.String()
    kind = fields.String()
    pass_mark = fields.Float()
    max_attempts = fields.Integer(allow_none=True)
    time_limit_s = fields.Integer(allow_none=True)
    shuffle = fields.Boolean()
    recommend_below = fields.Float(allow_none=True)
    items = fields.List(fields.Dict())
    item_count = fields.Integer()
    status = fields.String(metadata={"description": "draft | published"})
    version = fields.Integer(allow_none=True)
    latest_version = fields.Integer(allow_none=True)
    revision = fields.Integer()
    owner = fields.String(metadata={"description": "drafts: the author who owns the assessment"})
    etag = fields.String()
    max_score = fields.Float()
    competencies = fields.List(fields.String())
    created_at = timestamp()
    updated_at = timestamp()
    published_at = timestamp()


class AssessmentListed(Reply):
    id = fields.String()
    slug = fields.String()
    title = fields.String()
    kind = fields.String()
    latest_version = fields.Integer(allow_none=True)
    revision = fields.Integer()
    updated_at = timestamp()
    owner = fields.String()


class CollaboratorsIn(Strict):
    collaborators = fields.List(
        fields.String(validate=validate.Length(1, 200)), required=True, validate=validate.Length(max=1000)
    )


class CollaboratorsOut(Reply):
    assessment_id = fields.String()
    owner = fields.String()
    collaborators = fields.List(fields.String())


class VersionOut(Reply):
    version = fields.Integer()
    max_score = fields.Float()
    published_at = timestamp()
