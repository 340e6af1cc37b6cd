"""Per-competency scores and the course modules recommended for the weak ones."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from lms.assessment.domain.grading import ItemResult


@dataclass(frozen=True)
class CompetencyScore:
    """Sum of the items' normalised values (0..1 each), out of the number of items counted."""

    score: float
    max_score: float

    @property
    def percent(self) -> float | None:
        return round(self.score / self.max_score, 4) if self.max_score else None


@dataclass(frozen=True)
class CourseModule:
    """A module of the latest published version of a course (from `course.published`)."""

    course_id: str
    course_version: int
    module_id: str
    title: str
    position: int
    competencies: tuple[str, ...]


@dataclass(frozen=True)
class Recommendation:
    course_id: str
    course_version: int
    module_id: str
    title: str
    competency: str


def competency_scores(results: Sequence[ItemResult]) -> dict[str, CompetencyScore]:
    """Mean normalised value per competency: likert (value-1)/(scale-1), graded items score/max.

    Unanswered likert items, ungraded reflections and items awaiting review are not counted.
    """
    values: dict[str, list[float]] = {}
    for result in results:
        if result.competency and result.normalised is not None and not result.pending_review:
            values.setdefault(result.competency, []).append(result.normalised)
    return {c: CompetencyScore(round(sum(v), 4), float(len(v))) for c, v in sorted(values.items())}


def weak_competencies(scores: dict[str, CompetencyScore], below: float) -> list[str]:
    """Competencies whose percent is below `below`, weakest first."""
    return weak_of({c: s.percent for c, s in scores.items()}, below)


def weak_of(percents: Mapping[str, float | None], below: float) -> list[str]:
    """Competencies (competency -> percent) below `below`, weakest first."""
    weak = [(p, c) for c, p in percents.items() if p is not None and p < below]
    return [c for _, c in sorted(weak)]


def recommend(
    scores: dict[str, CompetencyScore], below: float, modules: Iterable[CourseModule]
) -> list[Recommendation]:
    """Every module teaching a weak competency, weakest competency first, then course and position."""
    return modules_for(weak_competencies(scores, below), modules)


def modules_for(weak: Sequence[str], modules: Iterable[CourseModule]) -> list[Recommendation]:
    """The modules teaching each of `weak` (in its order), then by course and position."""
    ordered = sorted(modules, key=lambda m: (m.course_id, m.position))
    return [
        Recommendation(m.course_id, m.course_version, m.module_id, m.title, competency)
        for competency in weak
        for m in ordered
        if competency in m.competencies
    ]
