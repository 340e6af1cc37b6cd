"""A learner's responses, and whether they fit the items (422 otherwise, keyed by item id)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lms.assessment.domain.model import (
    Assessment,
    ChoiceItem,
    FreeTextItem,
    Item,
    LikertItem,
    ScenarioItem,
    TrueFalseItem,
)
from lms.assessment.domain.scenario import PathInvalid, duplicates, walk

MAX_TEXT = 20_000  # characters of one free-text answer (documented in the README and OpenAPI)
FIELD_OF_KIND = {
    "single_choice": "option_ids",
    "multiple_choice": "option_ids",
    "scenario": "option_ids",
    "true_false": "value",
    "likert": "value",
    "free_text": "text",
}


@dataclass(frozen=True)
class Answer:
    """One response: the item and the fields the learner gave (`option_ids`, `value` or `text`)."""

    item_id: str
    given: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Answer:
        return cls(str(data["item_id"]), {k: v for k, v in data.items() if k != "item_id"})

    @property
    def option_ids(self) -> list[str]:
        return list(self.given.get("option_ids") or [])

    @property
    def value(self) -> Any:
        return self.given.get("value")

    @property
    def text(self) -> str:
        return self.given.get("text") or ""


def answers_by_item(answers: Sequence[Answer]) -> dict[str, Answer]:
    return {answer.item_id: answer for answer in answers}


def response_problems(assessment: Assessment, answers: Sequence[Answer]) -> dict[str, list[str]]:
    """Why `answers` do not fit `assessment`'s items; empty when they do."""
    problems: dict[str, list[str]] = {}
    counts = Counter(answer.item_id for answer in answers)
    for answer in answers:
        item = assessment.item(answer.item_id)
        found = ["no item with this id in the assessment"] if item is None else answer_problems(item, answer)
        if counts[answer.item_id] > 1:
            found.insert(0, f"answered {counts[answer.item_id]} times")
        if found:
            problems[answer.item_id] = list(dict.fromkeys(problems.get(answer.item_id, []) + found))
    return problems


def answer_problems(item: Item, answer: Answer) -> list[str]:
    expected = FIELD_OF_KIND[item.kind]
    unexpected = sorted(set(answer.given) - {expected})
    if unexpected:
        return [f"a {item.kind} item takes `{expected}`, not {', '.join(f'`{u}`' for u in unexpected)}"]
    if expected not in answer.given:
        return []  # left unanswered: scores nothing
    return _CHECKS[type(item)](item, answer)


def _check_choice(item: ChoiceItem, answer: Answer) -> list[str]:
    ids = answer.given["option_ids"]
    found = _option_list_problems(ids, len(item.options), "options")
    if found:
        return found
    found += [f"option {oid!r} is not an option of this item" for oid in ids if item.option(oid) is None]
    if item.kind == "single_choice" and len(ids) > 1:
        found.append("a single_choice item takes one option")
    return found


def _check_scenario(item: ScenarioItem, answer: Answer) -> list[str]:
    ids = answer.given["option_ids"]
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return ["`option_ids` must be a list of option ids, one per step"]
    if len(ids) > len(item.steps):
        return [f"a path takes at most {len(item.steps)} choices, one per step (got {len(ids)})"]
    try:
        walk(item, ids)
    except PathInvalid as exc:
        return [f"the path does not follow the conversation: {exc}"]
    return []


def _check_true_false(_item: TrueFalseItem, answer: Answer) -> list[str]:
    return [] if isinstance(answer.value, bool) else ["`value` must be true or false"]


def _check_likert(item: LikertItem, answer: Answer) -> list[str]:
    value, scale = answer.value, item.scale or 0
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= scale:
        return [f"`value` must be a whole number from 1 to {scale}"]
    return []


def _check_free_text(_item: FreeTextItem, answer: Answer) -> list[str]:
    text = answer.given["text"]
    if not isinstance(text, str):
        return ["`text` must be a string"]
    return [] if len(text) <= MAX_TEXT else [f"`text` is longer than {MAX_TEXT} characters"]


def _option_list_problems(ids: Any, most: int, what: str) -> list[str]:
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return ["`option_ids` must be a list of option ids"]
    if len(ids) > most:
        return [f"at most {most} option ids: the item has {most} {what} (got {len(ids)})"]
    return [f"option {oid!r} is chosen more than once" for oid in duplicates(ids)]


_CHECKS: dict[type, Callable[[Any, Answer], list[str]]] = {
    ChoiceItem: _check_choice,
    ScenarioItem: _check_scenario,
    TrueFalseItem: _check_true_false,
    LikertItem: _check_likert,
    FreeTextItem: _check_free_text,
}
