"""Bodies and answers of attempts, reviews and assessment reads (times are RFC 3339 strings)."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from lms.assessment.domain.model import MAX_STEPS
from lms.kit.web.schemas import Paging, Reply, Strict, timestamp


class StartIn(Strict):
    """A survey's attempt names the needs analysis it answers; other attempts send no body."""

    needs_analysis_id = fields.String(
        validate=validate.Length(min=1, max=64),
        metadata={
            "description": "surveys (required): the needs analysis this response belongs to; only its "
            "invitees may answer, once, while it is open (403 otherwise, 409 for a second attempt)"
        },
    )


class SubmitIn(Strict):
    """The responses are checked against the items by the domain (errors keyed by item id); here
    only that each is an object naming an item (a plain list keeps parsing cheap)."""

    responses = fields.List(
        fields.Dict(),
        required=True,
        validate=validate.Length(max=500),
        metadata={
            "description": "[{item_id, option_ids?, value?, text?}]: choice items `option_ids`; scenario "
            "`option_ids` (one per step, following `next`); true_false `value` (boolean); likert `value` "
            "(1..scale); free_text `text` (at most 20,000 characters). A choice item takes at most as many "
            "`option_ids` as it has options, a scenario at most one per step"
        },
    )

    @ma.validates("responses")
    def each_names_an_item(self, responses: list[dict[str, Any]], **_kwargs: Any) -> None:
        bad = [n for n, r in enumerate(responses) if not _is_item_id(r.get("item_id"))]
        if bad:
            raise ma.ValidationError(f"responses {bad[:20]} need an `item_id` string of 1 to 64 characters")

    @ma.post_load
    def drop_nulls(self, data: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
        return {"responses": [{k: v for k, v in r.items() if v is not None} for r in data["responses"]]}


def _is_item_id(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 64


PATH_CAP = f"A path has at most {MAX_STEPS} choices (one per step)."


class WalkIn(Strict):
    item_id = fields.String(required=True)
    option_ids = fields.List(
        fields.String(validate=validate.Length(max=64)),
        load_default=list,
        validate=validate.Length(max=MAX_STEPS, error=PATH_CAP),
    )


class ReviewIn(Strict):
    item_id = fields.String(required=True)
    score = fields.Float(required=True, validate=validate.Range(min=0))
    comment = fields.String(allow_none=True, validate=validate.Length(max=5000))


class AttemptListQuery(Paging):
    learner_id = fields.String()
    status = fields.String(validate=validate.OneOf(["in_progress", "awaiting_review", "graded", "expired"]))


class AttemptSummary(Reply):
    attempt_id = fields.String()
    assessment_id = fields.String()
    assessment_version = fields.Integer()
    learner_id = fields.String()
    attempt_no = fields.Integer()
    status = fields.String(metadata={"description": "in_progress | awaiting_review | graded | expired"})
    started_at = timestamp()
    expires_at = timestamp(allow_none=True)
    submitted_at = timestamp(allow_none=True)
    graded_at = timestamp(allow_none=True)
    score = fields.Float(allow_none=True)
    max_score = fields.Float(allow_none=True)
    percent = fields.Float(allow_none=True)
    passed = fields.Boolean(allow_none=True)


class AttemptStarted(Reply):
    needs_analysis_id = fields.String(allow_none=True)
    attempt_id = fields.String()
    assessment_id = fields.String()
    assessment_version = fields.Integer()
    attempt_no = fields.Integer()
    status = fields.String()
    started_at = timestamp()
    expires_at = timestamp(allow_none=True)
    items = fields.List(fields.Dict(), metadata={"description": "questions in this attempt's order, no keys"})


class SubmitResult(AttemptSummary):
    items = fields.List(fields.Dict(), metadata={"description": "{item_id, correct, score, feedback, ...}"})
    competency_scores = fields.Dict()
    recommended_modules = fields.List(fields.Dict())
    receipt = fields.Dict(
        metadata={
            "description": "surveys: proof of the response ({code, survey_id, needs_analysis_id, "
            "responded_at}); the answers are never shown back, not even to the respondent"
        }
    )


class AttemptOut(AttemptSummary):
    assessment_kind = fields.String()
    items = fields.List(fields.Dict())
    responses = fields.List(fields.Dict())
    result = fields.Dict(allow_none=True)


class WalkOut(Reply):
    item_id = fields.String()
    option_ids = fields.List(fields.String())
    ended = fields.Boolean()
    step = fields.Dict(allow_none=True, metadata={"description": "{id, text, options: [{id, text}]}"})
