"""What makes a draft publishable, and the event a publication carries."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from lms.curriculum.domain.document import LESSON_KINDS, Document


def publish_problems(document: Document, known_assessments: Mapping[str, str]) -> dict[str, list[str]]:
    """Every reason the draft cannot be published, keyed by where it is ({} when valid).

    `known_assessments` maps a published assessment's id to its slug (learned from events).
    """
    problems: dict[str, list[str]] = {}

    def add(where: str, message: str) -> None:
        problems.setdefault(where, []).append(message)

    if not document.get("title", "").strip():
        add("title", "the course needs a title")
    modules = document.get("modules", [])
    if not modules:
        add("modules", "the course has no modules")
    elif not any(module.get("required", True) for module in modules):
        add("modules", "at least one module must be required")
    _duplicates(add, "modules", [m["id"] for m in modules], "module id")
    _duplicates(add, "modules", [m["key"] for m in modules], "module key")
    slugs = {slug: aid for aid, slug in known_assessments.items()}
    for index, module in enumerate(modules):
        where = f"modules[{index}]"
        lessons = module.get("lessons", [])
        if not lessons:
            add(where, f"module {module['title']!r} has no lessons")
        _duplicates(add, f"{where}.lessons", [lesson["id"] for lesson in lessons], "lesson id")
        _duplicates(add, f"{where}.lessons", [lesson["key"] for lesson in lessons], "lesson key")
        for position, lesson in enumerate(lessons):
            if lesson.get("kind") not in LESSON_KINDS:
                add(f"{where}.lessons[{position}]", f"unknown lesson kind {lesson.get('kind')!r}")
            if not lesson.get("body", "").strip():
                add(f"{where}.lessons[{position}]", f"lesson {lesson['title']!r} has no body")
        assessment_id = module.get("assessment_id") or slugs.get(module.get("assessment_slug") or "")
        if (
            module.get("assessment_id") or module.get("assessment_slug")
        ) and assessment_id not in known_assessments:
            ref = module.get("assessment_id") or module.get("assessment_slug")
            add(where, f"module {module['title']!r} refers to assessment {ref!r}, which is not published")
    _duplicates(add, "lessons", [ls["id"] for m in modules for ls in m.get("lessons", [])], "lesson id")
    return problems


def _duplicates(add, where: str, values: list[str], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            add(where, f"duplicate {what} {value!r}")
        seen.add(value)


def resolve_assessments(document: Document, known_assessments: Mapping[str, str]) -> Document:
    """The document with every module's `assessment_slug` resolved to its `assessment_id`."""
    slugs = {slug: aid for aid, slug in known_assessments.items()}
    for module in document["modules"]:
        if not module.get("assessment_id") and module.get("assessment_slug"):
            module["assessment_id"] = slugs[module["assessment_slug"]]
        if module.get("assessment_id"):
            module["assessment_slug"] = known_assessments.get(
                module["assessment_id"], module.get("assessment_slug")
            )
    return document


def published_event(
    course_id: str, version: int, document: Document, published_at: datetime
) -> dict[str, Any]:
    """The payload of `lms.curriculum.course.published.v1`: the whole structure, no bodies."""
    return {
        "course_id": course_id,
        "slug": document["slug"],
        "title": document["title"],
        "summary": document.get("summary", ""),
        "topics": document.get("topics", []),
        "competencies": document.get("competencies", []),
        "version": version,
        "published_at": published_at.isoformat(),
        "modules": [
            {
                "module_id": module["id"],
                "key": module["key"],
                "position": position,
                "title": module["title"],
                "summary": module.get("summary", ""),
                "required": module.get("required", True),
                "competencies": module.get("competencies", []),
                "assessment_id": module.get("assessment_id"),
                "lessons": [
                    {
                        "lesson_id": lesson["id"],
                        "key": lesson["key"],
                        "position": index,
                        "title": lesson["title"],
                        "kind": lesson["kind"],
                        "duration_min": lesson["duration_min"],
                        "competencies": lesson.get("competencies", []),
                    }
                    for index, lesson in enumerate(module["lessons"])
                ],
            }
            for position, module in enumerate(document["modules"])
        ],
    }
