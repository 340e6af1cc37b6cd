"""An assessment definition as plain data: items of six kinds (`definition` reads the stored JSON)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

DEFAULT_RECOMMEND_BELOW = 0.7
CHOICE_KINDS = ("single_choice", "multiple_choice")
MAX_STEPS = 100  # steps of one scenario: real conversations have a handful
MAX_OPTIONS = 20  # options of one choice item or one scenario step


@dataclass(frozen=True)
class ChoiceOption:
    id: str
    text: str
    correct: bool = False
    feedback: str | None = None
    value: float | None = None  # surveys: where this answer sits on what the item measures (0..1)


@dataclass(frozen=True)
class ChoiceItem:
    id: str
    kind: str  # single_choice | multiple_choice
    prompt: str
    options: tuple[ChoiceOption, ...]
    points: float = 1
    competency: str | None = None
    measures: str | None = None

    def option(self, option_id: str) -> ChoiceOption | None:
        return self._by_id.get(option_id)

    @cached_property
    def _by_id(self) -> dict[str, ChoiceOption]:
        return {option.id: option for option in reversed(self.options)}


@dataclass(frozen=True)
class TrueFalseItem:
    id: str
    prompt: str
    correct: bool | None
    feedback: Mapping[str, str] = field(default_factory=dict)  # "true"/"false" -> text
    points: float = 1
    competency: str | None = None
    kind: str = "true_false"


@dataclass(frozen=True)
class ScenarioOption:
    id: str
    text: str
    score: float
    feedback: str | None
    next: str | None


@dataclass(frozen=True)
class Step:
    id: str
    text: str
    options: tuple[ScenarioOption, ...]

    def option(self, option_id: str) -> ScenarioOption | None:
        return self._by_id.get(option_id)

    @cached_property
    def _by_id(self) -> dict[str, ScenarioOption]:
        return {option.id: option for option in reversed(self.options)}


@dataclass(frozen=True)
class ScenarioItem:
    id: str
    prompt: str
    start: str | None
    steps: tuple[Step, ...]
    competency: str | None = None
    kind: str = "scenario"

    def step(self, step_id: str | None) -> Step | None:
        return self._by_id.get(step_id) if step_id is not None else None

    @cached_property
    def _by_id(self) -> dict[str, Step]:
        return {step.id: step for step in reversed(self.steps)}


@dataclass(frozen=True)
class RubricCriterion:
    id: str
    text: str
    points: float


@dataclass(frozen=True)
class FreeTextItem:
    id: str
    prompt: str
    graded: bool = False
    rubric: tuple[RubricCriterion, ...] = ()
    competency: str | None = None
    kind: str = "free_text"

    @property
    def rubric_scored(self) -> bool:
        return self.graded and bool(self.rubric)


@dataclass(frozen=True)
class LikertItem:
    id: str
    prompt: str
    scale: int | None
    competency: str | None = None
    kind: str = "likert"
    measures: str | None = None
    reverse: bool = False  # agreeing means less of what it measures
    labels: tuple[str, ...] = ()


Item = ChoiceItem | TrueFalseItem | ScenarioItem | FreeTextItem | LikertItem


@dataclass(frozen=True)
class Assessment:
    slug: str
    title: str
    kind: str  # quiz | diagnostic | survey
    pass_mark: float
    items: tuple[Item, ...]
    max_attempts: int | None = None
    time_limit_s: int | None = None
    shuffle: bool = False
    recommend_below: float = DEFAULT_RECOMMEND_BELOW

    def item(self, item_id: str) -> Item | None:
        return self._by_id.get(item_id)

    @cached_property
    def _by_id(self) -> dict[str, Item]:
        return {item.id: item for item in reversed(self.items)}  # the first of duplicate ids wins

    @property
    def competencies(self) -> list[str]:
        return sorted({i.competency for i in self.items if i.competency})
