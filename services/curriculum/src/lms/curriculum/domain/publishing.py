"""What makes a draft publishable, and the event a publication carries."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from lms.curriculum.domain.cmi5.module import event_form, module_problems
from lms.curriculum.domain.document import LESSON_KINDS, Course, Module

Add = Callable[[str, str], None]


def publish_problems(course: Course, known_assessments: Mapping[str, str]) -> dict[str, list[str]]:
    """Every reason the draft cannot be published, keyed by where it is ({} when valid).

    `known_assessments` maps a published assessment's id to its slug (learned from events).
    """
    problems: dict[str, list[str]] = {}

    def add(where: str, message: str) -> None:
        problems.setdefault(where, []).append(message)

    if not course.title.strip():
        add("title", "the course needs a title")
    _course_problems(add, course)
    slugs = {slug: aid for aid, slug in known_assessments.items()}
    for index, module in enumerate(course.modules):
        _module_problems(add, f"modules[{index}]", module)
        if module.assessment_ref and _assessment_of(module, slugs) not in known_assessments:
            ref = f"assessment {module.assessment_ref!r}"
            add(f"modules[{index}]", f"module {module.title!r} refers to {ref}, which is not published")
    _duplicates(add, "lessons", [lesson.id for lesson in course.lessons], "lesson id")
    return problems


def missing_assessments(course: Course, known_assessments: Mapping[str, str]) -> list[str]:
    """References (ids or slugs) of modules' assessments, and the course's diagnostic, that are
    not among `known_assessments` (a diagnostic not yet published does not block publishing)."""
    slugs = {slug: aid for aid, slug in known_assessments.items()}
    missing = [
        module.assessment_ref
        for module in course.modules
        if module.assessment_ref and _assessment_of(module, slugs) not in known_assessments
    ]
    diagnostic = course.diagnostic_slug
    return missing + ([diagnostic] if diagnostic and diagnostic not in slugs else [])


def _course_problems(add: Add, course: Course) -> None:
    if not course.modules:
        add("modules", "the course has no modules")
    elif not any(module.required for module in course.modules):
        add("modules", "at least one module must be required")
    _duplicates(add, "modules", [m.id for m in course.modules], "module id")
    _duplicates(add, "modules", [m.key for m in course.modules], "module key")


def _module_problems(add: Add, where: str, module: Module) -> None:
    if not module.lessons:
        add(where, f"module {module.title!r} has no lessons")
    _duplicates(add, f"{where}.lessons", [lesson.id for lesson in module.lessons], "lesson id")
    _duplicates(add, f"{where}.lessons", [lesson.key for lesson in module.lessons], "lesson key")
    for position, lesson in enumerate(module.lessons):
        if lesson.kind not in LESSON_KINDS:
            add(f"{where}.lessons[{position}]", f"unknown lesson kind {lesson.kind!r}")
        if not lesson.body.strip():
            add(f"{where}.lessons[{position}]", f"lesson {lesson.title!r} has no body")
    for problem in module_problems(module):
        add(where, f"module {module.title!r}: {problem}")


def _assessment_of(module: Module, slugs: Mapping[str, str]) -> str | None:
    return module.assessment_id or slugs.get(module.assessment_slug or "")


def _duplicates(add: Add, where: str, values: list[str], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            add(where, f"duplicate {what} {value!r}")
        seen.add(value)


def resolve_assessments(course: Course, known_assessments: Mapping[str, str]) -> Course:
    """A copy with every module's `assessment_slug` resolved to its `assessment_id` and back, and
    the course's `diagnostic_slug` to its `diagnostic_id` (learners start the diagnostic by id)."""
    resolved = course.copy()
    slugs = {slug: aid for aid, slug in known_assessments.items()}
    resolved.diagnostic_id = slugs.get(course.diagnostic_slug or "")
    for module in resolved.modules:
        if not module.assessment_id and module.assessment_slug:
            module.assessment_id = slugs[module.assessment_slug]
        if module.assessment_id:
            module.assessment_slug = known_assessments.get(module.assessment_id, module.assessment_slug)
    return resolved


def published_event(course_id: str, version: int, course: Course, published_at: datetime) -> dict[str, Any]:
    """The payload of `lms.curriculum.course.published.v1`: the whole structure, no bodies."""
    return {
        "course_id": course_id,
        "slug": course.slug,
        "title": course.title,
        "summary": course.summary,
        "topics": course.topics,
        "competencies": course.competencies,
        "version": version,
        "published_at": published_at.isoformat(),
        "modules": [_module_event(position, module) for position, module in enumerate(course.modules)],
    }


def _module_event(position: int, module: Module) -> dict[str, Any]:
    shaped = _plain_module_event(position, module)
    if module.cmi5 is not None:
        shaped["cmi5"] = event_form(module)
    return shaped


def _plain_module_event(position: int, module: Module) -> dict[str, Any]:
    return {
        "module_id": module.id,
        "key": module.key,
        "position": position,
        "title": module.title,
        "summary": module.summary,
        "required": module.required,
        "competencies": module.competencies,
        "assessment_id": module.assessment_id,
        "lessons": [
            {
                "lesson_id": lesson.id,
                "key": lesson.key,
                "position": index,
                "title": lesson.title,
                "kind": lesson.kind,
                "duration_min": lesson.duration_min,
                "competencies": lesson.competencies,
            }
            for index, lesson in enumerate(module.lessons)
        ],
    }
