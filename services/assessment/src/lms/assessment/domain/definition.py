"""Reading a stored definition (the POST body format, ids assigned) into the domain model."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lms.assessment.domain.model import (
    CHOICE_KINDS,
    DEFAULT_RECOMMEND_BELOW,
    Assessment,
    ChoiceItem,
    ChoiceOption,
    FreeTextItem,
    Item,
    LikertItem,
    RubricCriterion,
    ScenarioItem,
    ScenarioOption,
    Step,
    TrueFalseItem,
)


def parse_assessment(data: Mapping[str, Any]) -> Assessment:
    """The definition in `data` (the stored body, ids assigned) as domain objects."""
    return Assessment(
        slug=data["slug"],
        title=data["title"],
        kind=data["kind"],
        pass_mark=float(data.get("pass_mark") or 0),  # a survey may have none
        items=tuple(parse_item(item) for item in data.get("items") or ()),
        max_attempts=data.get("max_attempts"),
        time_limit_s=data.get("time_limit_s"),
        shuffle=bool(data.get("shuffle", False)),
        recommend_below=float(data.get("recommend_below") or DEFAULT_RECOMMEND_BELOW),
    )


def parse_item(data: Mapping[str, Any]) -> Item:
    kind = data["kind"]
    common = {"id": data["id"], "prompt": data.get("prompt", ""), "competency": data.get("competency")}
    if kind in CHOICE_KINDS:
        options = tuple(
            ChoiceOption(
                o["id"], o.get("text", ""), bool(o.get("correct")), o.get("feedback"), o.get("value")
            )
            for o in data.get("options") or ()
        )
        return ChoiceItem(
            kind=kind, options=options, points=_points(data), measures=data.get("measures"), **common
        )
    if kind == "true_false":
        return TrueFalseItem(
            correct=data.get("correct"),
            feedback=dict(data.get("feedback") or {}),
            points=_points(data),
            **common,
        )
    if kind == "scenario":
        return ScenarioItem(
            start=data.get("start"), steps=tuple(_step(s) for s in data.get("steps") or ()), **common
        )
    if kind == "free_text":
        rubric = tuple(
            RubricCriterion(c["id"], c.get("text", ""), float(c.get("points", 0)))
            for c in data.get("rubric") or ()
        )
        return FreeTextItem(graded=bool(data.get("graded", False)), rubric=rubric, **common)
    if kind == "likert":
        return LikertItem(
            scale=data.get("scale"),
            measures=data.get("measures"),
            reverse=bool(data.get("reverse", False)),
            labels=tuple(data.get("labels") or ()),
            **common,
        )
    raise ValueError(f"unknown item kind {kind!r}")


def _points(data: Mapping[str, Any]) -> float:
    points = data.get("points")
    return 1.0 if points is None else float(points)


def _step(data: Mapping[str, Any]) -> Step:
    options = tuple(
        ScenarioOption(
            o["id"], o.get("text", ""), float(o.get("score") or 0), o.get("feedback"), o.get("next")
        )
        for o in data.get("options") or ()
    )
    return Step(data["id"], data.get("text", ""), options)
