"""The items of a definition: one schema per kind, with their options, steps and rubric criteria."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from lms.assessment.domain.model import MAX_OPTIONS, MAX_STEPS
from lms.kit.web.schemas import Strict


def _at_most(cap: int, what: str) -> validate.Length:
    return validate.Length(max=cap, error=f"At most {cap} {what}.")


def _id() -> fields.String:
    return fields.String(validate=validate.Length(min=1, max=64))


class ChoiceOptionIn(Strict):
    id = _id()
    text = fields.String(required=True)
    correct = fields.Boolean(load_default=False)
    feedback = fields.String(allow_none=True)
    value = fields.Float(
        validate=validate.Range(min=0, max=1),
        metadata={"description": "surveys: how strongly this answer shows what the item measures (0..1)"},
    )


class ScenarioOptionIn(Strict):
    id = _id()
    text = fields.String(required=True)
    score = fields.Float(required=True, validate=validate.Range(min=0))
    feedback = fields.String(allow_none=True)
    next = fields.String(
        allow_none=True, load_default=None, metadata={"description": "next step id; null ends"}
    )


class StepIn(Strict):
    id = _id()
    text = fields.String(required=True)
    options = fields.List(
        fields.Nested(ScenarioOptionIn), required=True, validate=_at_most(MAX_OPTIONS, "options")
    )


class CriterionIn(Strict):
    id = _id()
    text = fields.String(required=True)
    points = fields.Float(required=True)


class ItemBase(Strict):
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
