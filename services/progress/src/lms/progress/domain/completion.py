"""The one completion rule of the suite.

A module is completed when all its lessons are completed and, if it has an assessment,
that assessment has a passed attempt (a pass from before the enrolment counts). A course
is completed when every required module is completed. The evaluation also says why a
module or course is not complete yet, so HR and learners can see what is missing.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from typing import Any

Structure = dict[str, Any]  # modules[] -> lessons[] as in lms.curriculum.course.published.v1


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


def evaluate(structure: Structure, completed_lessons: Set[str], passes: Mapping[str, Pass]) -> Evaluation:
    """Where an enrolment stands, given its pinned course structure and the learner's evidence."""
    modules = [_module(module, completed_lessons, passes) for module in structure["modules"]]
    explanation = [
        f"{m.title}: {'; '.join(m.missing)}" for m in modules if m.required and not m.completed
    ] or ["every required module is completed"]
    return Evaluation(modules, explanation)


def _module(module: dict[str, Any], completed_lessons: Set[str], passes: Mapping[str, Pass]) -> ModuleState:
    lesson_ids = [lesson["lesson_id"] for lesson in module["lessons"]]
    done = sum(1 for lesson_id in lesson_ids if lesson_id in completed_lessons)
    assessment_id = module.get("assessment_id")
    passed = passes.get(assessment_id) if assessment_id else None
    missing = []
    if done < len(lesson_ids):
        missing.append(f"{len(lesson_ids) - done} of {len(lesson_ids)} lessons to complete")
    if assessment_id and passed is None:
        missing.append("its assessment is not passed yet")
    return ModuleState(
        module_id=module["module_id"],
        title=module["title"],
        required=module.get("required", True),
        lessons_completed=done,
        lessons_total=len(lesson_ids),
        assessment_id=assessment_id,
        passed=passed,
        missing=tuple(missing),
    )


def lesson_module(structure: Structure, lesson_id: str) -> str | None:
    """The module holding `lesson_id` in this structure (None when the version has no such lesson)."""
    for module in structure["modules"]:
        if any(lesson["lesson_id"] == lesson_id for lesson in module["lessons"]):
            return module["module_id"]
    return None


def lessons_of(structure: Structure) -> set[str]:
    return {lesson["lesson_id"] for module in structure["modules"] for lesson in module["lessons"]}


def assessments_of(structure: Structure) -> set[str]:
    return {m["assessment_id"] for m in structure["modules"] if m.get("assessment_id")}
