"""A published course version as progress needs it: modules, their lessons and assessments."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

AU_KIND = "au"  # a cmi5 assignable unit: completed by the record store's au.satisfied, not by a click


@dataclass(frozen=True)
class Lesson:
    lesson_id: str
    title: str
    kind: str = "text"


@dataclass(frozen=True)
class Module:
    module_id: str
    title: str
    required: bool
    assessment_id: str | None
    lessons: tuple[Lesson, ...]

    @property
    def lesson_ids(self) -> tuple[str, ...]:
        return tuple(lesson.lesson_id for lesson in self.lessons)


@dataclass(frozen=True)
class CourseStructure:
    """One frozen version of a course (versions never change once published)."""

    course_id: str
    version: int
    title: str
    modules: tuple[Module, ...]

    @property
    def lesson_ids(self) -> set[str]:
        return {lesson_id for module in self.modules for lesson_id in module.lesson_ids}

    @property
    def assessment_ids(self) -> set[str]:
        return {m.assessment_id for m in self.modules if m.assessment_id}

    def module_of(self, lesson_id: str) -> str | None:
        """The module holding `lesson_id` (None when this version has no such lesson)."""
        return next((m.module_id for m in self.modules if lesson_id in m.lesson_ids), None)

    def is_au(self, lesson_id: str) -> bool:
        """Whether the lesson stands for a cmi5 AU (its content completes it)."""
        return any(
            lesson.lesson_id == lesson_id and lesson.kind == AU_KIND
            for m in self.modules
            for lesson in m.lessons
        )


def parse_structure(data: Mapping[str, Any]) -> CourseStructure:
    """The structure carried by `course.published` (extra fields are ignored)."""
    return CourseStructure(
        course_id=data.get("course_id", ""),
        version=int(data.get("version", 0)),
        title=data.get("title", ""),
        modules=tuple(_module(m) for m in data["modules"]),
    )


def _module(data: Mapping[str, Any]) -> Module:
    return Module(
        module_id=data["module_id"],
        title=data["title"],
        required=data.get("required", True),
        assessment_id=data.get("assessment_id"),
        lessons=tuple(
            Lesson(lesson["lesson_id"], lesson.get("title", ""), lesson.get("kind", "text"))
            for lesson in data["lessons"]
        ),
    )
