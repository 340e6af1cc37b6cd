"""What a learner may see before submitting: prompts and choices, never keys, scores or feedback.

Scenarios show one step at a time: the learner view carries the first step only, and each
next step is revealed by walking the path chosen so far (`next_step`). Option order and item
order follow the attempt's `Order` (shuffled per attempt when the assessment says `shuffle`).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lms.assessment.domain.grading import item_max
from lms.assessment.domain.model import (
    Assessment,
    ChoiceItem,
    FreeTextItem,
    Item,
    LikertItem,
    ScenarioItem,
    Step,
    TrueFalseItem,
)
from lms.assessment.domain.scenario import walk


@dataclass(frozen=True)
class Order:
    """Item ids in presentation order; option ids per choice item and per `item/step`."""

    items: tuple[str, ...] = ()
    options: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"items": list(self.items), "options": {k: list(v) for k, v in self.options.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Order:
        if not data:
            return cls()
        return cls(tuple(data["items"]), {k: tuple(v) for k, v in data["options"].items()})


def shuffled_order(assessment: Assessment, rng: random.Random) -> Order:
    """A fresh order for one attempt: items and every option list shuffled."""
    items = [item.id for item in assessment.items]
    rng.shuffle(items)
    options: dict[str, tuple[str, ...]] = {}
    for item in assessment.items:
        if isinstance(item, ChoiceItem):
            options[item.id] = _shuffled([o.id for o in item.options], rng)
        if isinstance(item, ScenarioItem):
            options.update(
                {f"{item.id}/{s.id}": _shuffled([o.id for o in s.options], rng) for s in item.steps}
            )
    return Order(tuple(items), options)


def _shuffled(ids: list[str], rng: random.Random) -> tuple[str, ...]:
    rng.shuffle(ids)
    return tuple(ids)


def learner_items(assessment: Assessment, order: Order | None = None) -> list[dict[str, Any]]:
    order = order or Order()
    by_id = {item.id: item for item in assessment.items}
    ids = order.items or tuple(by_id)
    return [learner_item(by_id[i], order) for i in ids if i in by_id]


def learner_item(item: Item, order: Order) -> dict[str, Any]:
    view: dict[str, Any] = {"id": item.id, "kind": item.kind, "prompt": item.prompt}
    if item.competency:
        view["competency"] = item.competency
    if isinstance(item, ChoiceItem):
        view["points"] = item.points
        view["options"] = _ordered(item.options, order.options.get(item.id))
    elif isinstance(item, TrueFalseItem):
        view["points"] = item.points
    elif isinstance(item, ScenarioItem):
        view["first_step"] = learner_step(item, item.step(item.start), order)
    elif isinstance(item, FreeTextItem):
        view["graded"] = item.graded
        view["points"] = item_max(item)
    elif isinstance(item, LikertItem):
        view["scale"] = item.scale
        if item.labels:
            view["labels"] = list(item.labels)
    return view


def learner_step(item: ScenarioItem, step: Step | None, order: Order) -> dict[str, Any] | None:
    if step is None:
        return None
    options = _ordered(step.options, order.options.get(f"{item.id}/{step.id}"))
    return {"id": step.id, "text": step.text, "options": options}


def next_step(item: ScenarioItem, option_ids: Sequence[str], order: Order) -> dict[str, Any] | None:
    """The step a learner reaches after `option_ids` (None once the conversation has ended)."""
    return learner_step(item, walk(item, option_ids).current, order)


def _ordered(options: Sequence[Any], ids: Sequence[str] | None) -> list[dict[str, str]]:
    by_id = {option.id: option for option in options}
    return [{"id": by_id[i].id, "text": by_id[i].text} for i in (ids or by_id) if i in by_id]
