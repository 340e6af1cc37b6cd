"""The course document: a course with its modules and lessons, as typed values.

A draft is a document that authors edit; a published version is a frozen copy of one.
Module and lesson ids derive from the course id and a stable key, so they stay the same
across versions and across re-imports of a package. Stored as JSON (`to_json`/`from_json`).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field, replace
from typing import Any

AUTHORED_KINDS = ("text", "video", "scenario", "reflection", "activity")
LESSON_KINDS = (*AUTHORED_KINDS, "au")  # an AU lesson stands for a cmi5 assignable unit
COURSE_FIELDS = ("slug", "title", "summary", "topics", "competencies")
MODULE_FIELDS = ("key", "title", "summary", "required", "competencies", "assessment_id", "assessment_slug")
LESSON_FIELDS = ("key", "title", "kind", "body", "duration_min", "competencies")


@dataclass(slots=True)
class Lesson:
    id: str
    key: str
    title: str
    kind: str = "text"
    body: str = ""
    duration_min: int = 5
    competencies: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, **{name: getattr(self, name) for name in LESSON_FIELDS}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Lesson:
        return cls(**{name: data[name] for name in ("id", *LESSON_FIELDS) if name in data})


@dataclass(slots=True)
class Module:
    id: str
    key: str
    title: str
    summary: str = ""
    required: bool = True
    competencies: list[str] = field(default_factory=list)
    assessment_id: str | None = None
    assessment_slug: str | None = None
    lessons: list[Lesson] = field(default_factory=list)
    cmi5: dict[str, Any] | None = None  # a cmi5 course: its structure (lms.curriculum.domain.cmi5.module)

    @property
    def assessment_ref(self) -> str | None:
        return self.assessment_id or self.assessment_slug

    def to_json(self) -> dict[str, Any]:
        fields = {name: getattr(self, name) for name in MODULE_FIELDS}
        data = {"id": self.id, **fields, "lessons": [lesson.to_json() for lesson in self.lessons]}
        if self.cmi5 is not None:  # absent otherwise, so documents without cmi5 hash as before
            data["cmi5"] = self.cmi5
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Module:
        given = {name: data[name] for name in ("id", *MODULE_FIELDS) if name in data}
        lessons = [Lesson.from_json(lesson) for lesson in data.get("lessons", [])]
        return cls(**given, lessons=lessons, cmi5=data.get("cmi5"))


@dataclass(slots=True)
class Course:
    """A course document (draft or published version)."""

    slug: str
    title: str
    summary: str = ""
    topics: list[str] = field(default_factory=list)
    competencies: list[str] = field(default_factory=list)
    modules: list[Module] = field(default_factory=list)
    diagnostic_slug: str | None = None
    diagnostic_id: str | None = None  # resolved from the slug when a version is published

    @property
    def lessons(self) -> list[Lesson]:
        return [lesson for module in self.modules for lesson in module.lessons]

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {name: getattr(self, name) for name in COURSE_FIELDS}
        if self.diagnostic_slug:
            data["diagnostic_slug"] = self.diagnostic_slug
        if self.diagnostic_id:
            data["diagnostic_id"] = self.diagnostic_id
        data["modules"] = [module.to_json() for module in self.modules]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Course:
        given = {
            name: data[name] for name in (*COURSE_FIELDS, "diagnostic_slug", "diagnostic_id") if name in data
        }
        return cls(**given, modules=[Module.from_json(m) for m in data.get("modules", [])])

    def copy(self) -> Course:
        return Course.from_json(self.to_json())

    def with_fields(self, **fields: Any) -> Course:
        return replace(self.copy(), **fields)


def stable_id(course_id: str, kind: str, key: str) -> str:
    """The id of a module or lesson with `key` in course `course_id` (uuid5: same inputs, same id)."""
    return str(uuid.uuid5(uuid.UUID(course_id), f"{kind}:{key}"))


def content_hash(course: Course) -> str:
    """A digest of the content (what a learner would see), independent of key order."""
    return hashlib.sha256(json.dumps(course.to_json(), sort_keys=True).encode()).hexdigest()


def totals(course: Course) -> dict[str, int]:
    lessons = course.lessons
    return {
        "modules_count": len(course.modules),
        "lessons_count": len(lessons),
        "duration_min": sum(lesson.duration_min for lesson in lessons),
    }
