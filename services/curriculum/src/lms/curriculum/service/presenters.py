"""Replies as JSON-able dicts: course views (bodies as Markdown or sanitised HTML), drafts, reports."""

from __future__ import annotations

import json
from typing import Any

import nh3
from markdown_it import MarkdownIt

from lms.curriculum.domain.document import Course, Lesson, Module, totals
from lms.curriculum.service.editing import Draft

_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")


def to_html(markdown: str) -> str:
    """Markdown rendered to HTML, then cleaned of anything a browser could execute."""
    return nh3.clean(_markdown.render(markdown))


def course_view(
    course_id: str,
    course: Course,
    *,
    version: int | str,
    status: str,
    published_at: Any = None,
    body_format: str = "markdown",
) -> dict[str, Any]:
    return {
        "id": course_id,
        **summary_fields(course),
        "status": status,
        "version": version,
        "published_at": published_at.isoformat() if hasattr(published_at, "isoformat") else published_at,
        "body_format": body_format,
        "diagnostic_id": course.diagnostic_id,
        **totals(course),
        "modules": [_module(p, m, body_format == "html") for p, m in enumerate(course.modules)],
    }


def summary_fields(course: Course) -> dict[str, Any]:
    return {
        "slug": course.slug,
        "title": course.title,
        "summary": course.summary,
        "topics": course.topics,
        "competencies": course.competencies,
    }


def module_view(module: Module) -> dict[str, Any]:
    return _module(None, module, False)


def _module(position: int | None, module: Module, html: bool) -> dict[str, Any]:
    view = {
        "id": module.id,
        "key": module.key,
        "position": position,
        "title": module.title,
        "summary": module.summary,
        "required": module.required,
        "competencies": module.competencies,
        "assessment_id": module.assessment_id,
        "assessment_slug": module.assessment_slug,
        "lessons": [_lesson(index, lesson, html) for index, lesson in enumerate(module.lessons)],
    }
    if module.cmi5 is not None:
        view["cmi5"] = module.cmi5
    return view if position is not None else {k: v for k, v in view.items() if k != "position"}


def _lesson(position: int, lesson: Lesson, html: bool) -> dict[str, Any]:
    return {
        "id": lesson.id,
        "key": lesson.key,
        "position": position,
        "title": lesson.title,
        "kind": lesson.kind,
        "duration_min": lesson.duration_min,
        "competencies": lesson.competencies,
        "body": to_html(lesson.body) if html else lesson.body,
    }


def draft_view(draft: Draft) -> dict[str, Any]:
    view = course_view(draft.course_id, draft.course, version="draft", status=draft.status)
    view["latest_version"] = draft.latest_version
    return view


def dumps(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str).encode()
