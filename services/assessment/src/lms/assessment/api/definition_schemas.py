"""The assessment definition body (`POST /assessments`, `PUT`): also the course package format."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from lms.assessment.domain.model import MAX_OPTIONS, MAX_STEPS


def _at_most(cap: int, what: str) -> validate.Length:
    return validate.Length(max=cap, error=f"At most {cap} {what}.")


def _id() -> fields.String:
    return fields.String(validate=validate.Length(min=1, max=64))


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


class ChoiceOptionIn(ma.Schema):
    id = _id()
    text = fields.String(required=True)
    correct = fields.Boolean(load_default=False)
    feedback = fields.String(allow_none=True)
    value = fields.Float(
        validate=validate.Range(min=0, max=1),
        metadata={"description": "surveys: how strongly this answer shows what the item measures (0..1)"},
    )


class ScenarioOptionIn(ma.Schema):
    id = _id()
    text = fields.String(required=True)
    score = fields.Float(required=True, validate=validate.Range(min=0))
    feedback = fields.String(allow_none=True)
    next = fields.String(
        allow_none=True, load_default=None, metadata={"description": "next step id; null ends"}
    )


class StepIn(ma.Schema):
    id = _id()
    text = fields.String(required=True)
    options = fields.List(
        fields.Nested(ScenarioOptionIn), required=True, validate=_at_most(MAX_OPTIONS, "options")
    )


class CriterionIn(ma.Schema):
    id = _id()
    text = fields.String(required=True)
    points = fields.Float(required=True)


class ItemBase(ma.Schema):
    id = _id()
    kind = fields.String(required=True)
    prompt = fields.String(validate=validate.Length(max=10_000))
    competency = fields.String(allow_none=True, validate=validate.Length(max=200))

    @ma.pre_load
    def refuse_oversized_lists(self, data: Any, **_kwargs: Any) -> Any:
        """Count steps and options before validating each one (a flood is refused at once)."""
        for name, cap in (("steps", MAX_STEPS), ("options", MAX_OPTIONS)):
            if isinstance(data, dict) and isinstance(data.get(name), list) and len(data[name]) > cap:
                raise ma.ValidationError({name: [f"At most {cap} {name}."]})
        return data


def _measures() -> fields.String:
    return fields.String(
        validate=validate.Length(max=200),
        metadata={
            "description": "surveys: `competency:<id>` or a cause: system:metrics, system:policy, "
            "system:tools-knowledge, wellbeing:emotional-load, wellbeing:difficult-contacts"
        },
    )


class ChoiceItemIn(ItemBase):
    points = fields.Float(load_default=1)
    measures = _measures()
    options = fields.List(
        fields.Nested(ChoiceOptionIn), required=True, validate=_at_most(MAX_OPTIONS, "options")
    )


class TrueFalseItemIn(ItemBase):
    points = fields.Float(load_default=1)
    correct = fields.Boolean(allow_none=True)
    feedback = fields.Dict(
        keys=fields.String(validate=validate.OneOf(["true", "false"])), values=fields.String()
    )


class ScenarioItemIn(ItemBase):
    start = fields.String(required=True)
    steps = fields.List(fields.Nested(StepIn), required=True, validate=_at_most(MAX_STEPS, "steps"))


class FreeTextItemIn(ItemBase):
    graded = fields.Boolean(load_default=False)
    rubric = fields.List(
        fields.Nested(CriterionIn), metadata={"description": "criteria with points (graded only)"}
    )


class LikertItemIn(ItemBase):
    scale = fields.Integer(required=True)
    labels = fields.List(fields.String(validate=validate.Length(max=200)), validate=validate.Length(max=10))
    measures = _measures()
    reverse = fields.Boolean(metadata={"description": "surveys: agreeing means less of what it measures"})


ITEM_SCHEMAS: dict[str, type[ma.Schema]] = {
    "single_choice": ChoiceItemIn,
    "multiple_choice": ChoiceItemIn,
    "true_false": TrueFalseItemIn,
    "scenario": ScenarioItemIn,
    "free_text": FreeTextItemIn,
    "likert": LikertItemIn,
}


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


class AssessmentIn(ma.Schema):
    """A whole assessment definition; fields the server owns (id, status, ...) are ignored."""

    slug = fields.String(required=True, validate=validate.Regexp(r"^[a-z0-9][a-z0-9-]{0,199}$"))
    title = fields.String(required=True, validate=validate.Length(min=1, max=500))
    kind = fields.String(required=True, validate=validate.OneOf(["quiz", "diagnostic", "survey"]))
    pass_mark = fields.Float(required=True, validate=validate.Range(min=0, max=1))
    max_attempts = fields.Integer(allow_none=True, load_default=None, validate=validate.Range(min=1))
    time_limit_s = fields.Integer(allow_none=True, load_default=None, validate=validate.Range(min=1))
    shuffle = fields.Boolean(load_default=False)
    recommend_below = fields.Float(
        allow_none=True,
        validate=validate.Range(min=0, max=1),
        metadata={"description": "diagnostics: recommend modules for competencies below this (default 0.7)"},
    )
    items = fields.List(ItemField(), load_default=list, validate=validate.Length(max=500))

    @ma.pre_load
    def drop_server_fields(self, data: Any, **_kwargs: Any) -> Any:
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if k not in SERVER_FIELDS}
        return data
