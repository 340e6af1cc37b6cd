"""The assessment definition body (`POST /assessments`, `PUT`): also the course package format."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from lms.assessment.api.item_schemas import ITEM_SCHEMAS
from lms.kit.web.schemas import Strict

MAX_ATTEMPTS = 1000
LONGEST_TIME_LIMIT_S = 7 * 24 * 3600  # a week

SERVER_FIELDS = (
    "id",
    "status",
    "version",
    "latest_version",
    "revision",
    "etag",
    "created_at",
    "updated_at",
    "published_at",
    "max_score",
    "competencies",
    "item_count",
)


class ItemField(fields.Field):
    """An item of one of six kinds, validated by the schema of its `kind`."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise ma.ValidationError("An item must be an object.")
        schema = ITEM_SCHEMAS.get(value.get("kind"))  # type: ignore[arg-type]
        if schema is None:
            raise ma.ValidationError({"kind": [f"Must be one of: {', '.join(ITEM_SCHEMAS)}."]})
        return schema().load(value)

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        return value


SURVEY_IGNORES = "a survey ignores it (no score, one response per invitee and needs analysis, items in order)"


class AssessmentIn(Strict):
    """A whole assessment definition; fields the server owns (id, status, ...) are ignored.

    `pass_mark` is required except for a survey, which ignores it, `max_attempts` and `shuffle`."""

    slug = fields.String(required=True, validate=validate.Regexp(r"^[a-z0-9][a-z0-9-]{0,199}$"))
    title = fields.String(required=True, validate=validate.Length(min=1, max=500))
    kind = fields.String(required=True, validate=validate.OneOf(["quiz", "diagnostic", "survey"]))
    pass_mark = fields.Float(
        validate=validate.Range(min=0, max=1),
        metadata={"description": f"required for quizzes and diagnostics; {SURVEY_IGNORES}"},
    )
    max_attempts = fields.Integer(
        allow_none=True,
        load_default=None,
        validate=validate.Range(1, MAX_ATTEMPTS),
        metadata={"description": f"null: unlimited; {SURVEY_IGNORES}"},
    )
    time_limit_s = fields.Integer(
        allow_none=True, load_default=None, validate=validate.Range(1, LONGEST_TIME_LIMIT_S)
    )
    shuffle = fields.Boolean(load_default=False, metadata={"description": SURVEY_IGNORES})
    recommend_below = fields.Float(
        allow_none=True,
        validate=validate.Range(min=0, max=1),
        metadata={"description": "diagnostics: recommend modules for competencies below this (default 0.7)"},
    )
    items = fields.List(ItemField(), load_default=list, validate=validate.Length(max=500))

    @ma.validates_schema
    def pass_mark_unless_survey(self, data: dict[str, Any], **_kwargs: Any) -> None:
        if data.get("kind") != "survey" and "pass_mark" not in data:
            raise ma.ValidationError({"pass_mark": ["Missing data for required field."]})

    @ma.pre_load
    def drop_server_fields(self, data: Any, **_kwargs: Any) -> Any:
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if k not in SERVER_FIELDS}
        return data
