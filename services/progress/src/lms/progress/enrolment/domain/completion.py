"""The one completion rule of the suite.

A module is completed when all its lessons are completed and, if it has an assessment,
that assessment has a passed attempt (a pass from before the enrolment counts). A course
is completed when every required module is completed. The evaluation also says why a
module or course is not complete yet, so HR and learners can see what is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field
from typing import Any

from lms.progress.catalog.domain.structure import CourseStructure, Module


@dataclass(frozen=True)
class Pass:
    """The evidence that an assessment was passed."""

    attempt_id: str
    percent: float


@dataclass(frozen=True)
class ModuleState:
    module_id: str
    title: str
    required: bool
    lessons_completed: int
    lessons_total: int
    assessment_id: str | None
    passed: Pass | None
    missing: tuple[str, ...] = ()

    @property
    def completed(self) -> bool:
        return not self.missing

    @property
    def status(self) -> str:
        if self.completed:
            return "completed"
        return "in_progress" if self.lessons_completed or self.passed else "not_started"


@dataclass(frozen=True)
class Evaluation:
    modules: list[ModuleState]
    explanation: list[str] = field(default_factory=list)

    @property
    def completed(self) -> bool:
        return all(m.completed for m in self.modules if m.required)

    @property
    def percent(self) -> float:
        """Share of the required work done: each lesson and each assessment counts once."""
        required = [m for m in self.modules if m.required]
        total = sum(m.lessons_total + (1 if m.assessment_id else 0) for m in required)
        done = sum(m.lessons_completed + (1 if m.assessment_id and m.passed else 0) for m in required)
        return round(done / total, 4) if total else 1.0

    @property
    def score(self) -> float | None:
        """Mean of the passing scores of the required modules' assessments (None without any)."""
        scores = [m.passed.percent for m in self.modules if m.required and m.passed]
        return round(sum(scores) / len(scores), 4) if scores else None


def evaluate(
    structure: CourseStructure, completed_lessons: Set[str], passes: Mapping[str, Pass]
) -> Evaluation:
    """Where an enrolment stands, given its pinned course structure and the learner's evidence."""
    modules = [_module(module, completed_lessons, passes) for module in structure.modules]
    explanation = [
        f"{m.title}: {'; '.join(m.missing)}" for m in modules if m.required and not m.completed
    ] or ["every required module is completed"]
    return Evaluation(modules, explanation)


def _module(module: Module, completed_lessons: Set[str], passes: Mapping[str, Pass]) -> ModuleState:
    total = len(module.lessons)
    done = sum(1 for lesson_id in module.lesson_ids if lesson_id in completed_lessons)
    passed = passes.get(module.assessment_id) if module.assessment_id else None
    missing = []
    if done < total:
        missing.append(f"{total - done} of {total} lessons to complete")
    if module.assessment_id and passed is None:
        missing.append("its assessment is not passed yet")
    return ModuleState(
        module_id=module.module_id,
        title=module.title,
        required=module.required,
        lessons_completed=done,
        lessons_total=total,
        assessment_id=module.assessment_id,
        passed=passed,
        missing=tuple(missing),
    )


def best_passes(passes: Iterable[tuple[str, Pass]]) -> dict[str, Pass]:
    """Each assessment's first pass in `passes`, which come best first (earliest among equals)."""
    best: dict[str, Pass] = {}
    for assessment_id, evidence in passes:
        best.setdefault(assessment_id, evidence)
    return best


def completion_evidence(
    structure: CourseStructure, evaluation: Evaluation, lessons: Set[str]
) -> dict[str, Any]:
    """What a course completion rests on: its version, modules, lessons and passing attempts."""
    return {
        "course_version": structure.version,
        "modules": [m.module_id for m in evaluation.modules if m.completed],
        "lessons": sorted(set(lessons) & structure.lesson_ids),
        "attempts": [
            {"assessment_id": m.assessment_id, "attempt_id": m.passed.attempt_id, "percent": m.passed.percent}
            for m in evaluation.modules
            if m.passed
        ],
    }
