"""Publish validation: every problem of a draft, keyed by item id (or by the field at the top)."""

from __future__ import annotations

from collections import Counter

from lms.assessment.domain.model import (
    MAX_OPTIONS,
    Assessment,
    ChoiceItem,
    FreeTextItem,
    Item,
    LikertItem,
    ScenarioItem,
    TrueFalseItem,
)
from lms.assessment.domain.scenario import duplicates, scenario_problems
from lms.assessment.domain.survey import SURVEY, survey_item_problems

Problems = dict[str, list[str]]


def publish_problems(assessment: Assessment) -> Problems:
    """All reasons `assessment` cannot be published; empty when it can."""
    problems: Problems = {}
    for name, message in _assessment_problems(assessment):
        problems.setdefault(name, []).append(message)
    counts = Counter(item.id for item in assessment.items)
    check = survey_item_problems if assessment.kind == SURVEY else item_problems
    for item in assessment.items:
        found = check(item)
        if counts[item.id] > 1:
            found.insert(0, f"item id {item.id!r} is used by {counts[item.id]} items")
        if found:
            problems.setdefault(item.id, []).extend(m for m in found if m not in problems.get(item.id, []))
    return problems


def _assessment_problems(assessment: Assessment) -> list[tuple[str, str]]:
    found = []
    if not assessment.items:
        found.append(("items", "an assessment needs at least one item"))
    if not 0 <= assessment.pass_mark <= 1:
        found.append(("pass_mark", "pass_mark must be between 0 and 1"))
    if not 0 <= assessment.recommend_below <= 1:
        found.append(("recommend_below", "recommend_below must be between 0 and 1"))
    if assessment.max_attempts is not None and assessment.max_attempts < 1:
        found.append(("max_attempts", "max_attempts must be at least 1, or null for unlimited"))
    if assessment.time_limit_s is not None and assessment.time_limit_s < 1:
        found.append(("time_limit_s", "time_limit_s must be at least 1 second, or absent"))
    if assessment.kind == "diagnostic" and assessment.items and not assessment.competencies:
        found.append(("items", "a diagnostic needs items with a competency"))
    if assessment.kind == SURVEY and assessment.items and not any(_measures(i) for i in assessment.items):
        found.append(("items", "a survey needs items that say what they measure (`measures`)"))
    return found


def _measures(item: Item) -> str | None:
    return getattr(item, "measures", None)


def item_problems(item: Item) -> list[str]:
    if isinstance(item, ChoiceItem):
        return _choice_problems(item)
    if isinstance(item, TrueFalseItem):
        return _true_false_problems(item)
    if isinstance(item, ScenarioItem):
        return scenario_problems(item)
    if isinstance(item, FreeTextItem):
        return _free_text_problems(item)
    if isinstance(item, LikertItem):
        return _likert_problems(item)
    return [f"unknown item kind {item.kind!r}"]


def _choice_problems(item: ChoiceItem) -> list[str]:
    found = _points_problems(item.points)
    found += [f"option id {oid!r} is used more than once" for oid in duplicates(o.id for o in item.options)]
    if len(item.options) > MAX_OPTIONS:
        found.append(f"a choice item may have at most {MAX_OPTIONS} options (has {len(item.options)})")
    if len(item.options) < 2:
        found.append("a choice item needs at least two options")
    correct = sum(option.correct for option in item.options)
    if item.kind == "single_choice" and correct != 1:
        found.append(f"a single_choice item needs exactly one correct option (has {correct})")
    if item.kind == "multiple_choice" and correct < 1:
        found.append("a multiple_choice item needs at least one correct option")
    return found


def _true_false_problems(item: TrueFalseItem) -> list[str]:
    found = _points_problems(item.points)
    if not isinstance(item.correct, bool):
        found.append("a true_false item needs `correct: true` or `correct: false`")
    return found


def _free_text_problems(item: FreeTextItem) -> list[str]:
    if not item.graded:
        return []
    if not item.rubric:
        return ["a graded free_text item needs a rubric (criteria with points)"]
    return [f"rubric criterion {c.id!r} needs points above 0" for c in item.rubric if c.points <= 0]


def _likert_problems(item: LikertItem) -> list[str]:
    found = []
    if not item.competency:
        found.append("a likert item needs a competency")
    if not isinstance(item.scale, int) or not 2 <= item.scale <= 10:
        found.append("a likert item needs a scale from 2 to 10")
    return found


def _points_problems(points: float) -> list[str]:
    return [] if points > 0 else ["points must be above 0"]
