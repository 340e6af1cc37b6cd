"""Surveys: no right answers and no score; each answer says how strongly it shows what it measures.

A `measures` tag is a competency of our courses (`competency:<id>`: 1 = fully held) or a
cause of poor service that training does not fix (`system:*`, `wellbeing:*`: 1 = strongly
present). One response becomes, per tag, the mean normalised value of its answered items.
Free text is never scored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lms.assessment.domain.model import Assessment, ChoiceItem, FreeTextItem, Item, LikertItem
from lms.assessment.domain.responses import Answer

SURVEY = "survey"
CAUSES = (
    "system:metrics",
    "system:policy",
    "system:tools-knowledge",
    "wellbeing:emotional-load",
    "wellbeing:difficult-contacts",
)
COMPETENCY_TAG = re.compile(r"^competency:[a-z0-9][a-z0-9-]{0,190}$")


def is_measures_tag(tag: str | None) -> bool:
    return tag in CAUSES or bool(tag and COMPETENCY_TAG.match(tag))


def survey_item_problems(item: Item) -> list[str]:
    """Why `item` does not belong in a survey (kinds, tags, option values, labels)."""
    if isinstance(item, FreeTextItem):
        return ["free text in a survey is never graded"] if item.graded else []
    if not isinstance(item, LikertItem | ChoiceItem) or item.kind == "multiple_choice":
        return [f"a survey takes likert, single_choice and free_text items, not {item.kind}"]
    found = [] if is_measures_tag(item.measures) else [_TAG_HELP.format(tag=item.measures)]
    if item.competency:
        found.append("survey items say what they measure with `measures`, not `competency`")
    return found + (_likert_problems(item) if isinstance(item, LikertItem) else _choice_problems(item))


_TAG_HELP = "`measures` must be `competency:<id>` or one of " + ", ".join(CAUSES) + " (got {tag!r})"


def _likert_problems(item: LikertItem) -> list[str]:
    found = (
        []
        if isinstance(item.scale, int) and 2 <= item.scale <= 10
        else ["a likert item needs a scale from 2 to 10"]
    )
    if item.labels and len(item.labels) != item.scale:
        found.append(f"`labels` needs one label per point of the scale ({item.scale})")
    return found


def _choice_problems(item: ChoiceItem) -> list[str]:
    found = [] if len(item.options) >= 2 else ["a choice item needs at least two options"]
    if any(option.correct for option in item.options):
        found.append("a survey has no right answers: no option is `correct`")
    found += [
        f"option {o.id!r} needs a `value` from 0 to 1 (how strongly it shows what the item measures)"
        for o in item.options
        if o.value is None or not 0 <= o.value <= 1
    ]
    return found


def item_value(item: Item, answer: Answer | None) -> float | None:
    """This answer on a 0..1 scale of what the item measures (None: unanswered or not scored)."""
    if answer is None:
        return None
    if isinstance(item, LikertItem) and isinstance(answer.value, int) and item.scale:
        agreed = (answer.value - 1) / (item.scale - 1)
        return 1 - agreed if item.reverse else agreed
    if isinstance(item, ChoiceItem) and answer.option_ids:
        option = item.option(answer.option_ids[0])
        return option.value if option else None
    return None


def response_scores(assessment: Assessment, answers: Mapping[str, Answer]) -> dict[str, float]:
    """Per `measures` tag, the mean value of this response's answered items with that tag."""
    values: dict[str, list[float]] = {}
    for item in assessment.items:
        value = item_value(item, answers.get(item.id))
        tag = getattr(item, "measures", None)
        if value is not None and tag:
            values.setdefault(tag, []).append(value)
    return {tag: round(sum(v) / len(v), 4) for tag, v in sorted(values.items())}
