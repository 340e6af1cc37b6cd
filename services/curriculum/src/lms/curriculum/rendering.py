"""Course views as JSON: lesson bodies as Markdown or as sanitised HTML."""

from __future__ import annotations

from typing import Any

import nh3
from markdown_it import MarkdownIt

from lms.curriculum.domain.document import Document, totals

_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")


def to_html(markdown: str) -> str:
    """Markdown rendered to HTML, then cleaned of anything a browser could execute."""
    return nh3.clean(_markdown.render(markdown))


def course_view(
    course_id: str,
    document: Document,
    *,
    version: int | str,
    status: str,
    published_at: Any = None,
    body_format: str = "markdown",
) -> dict[str, Any]:
    render = to_html if body_format == "html" else (lambda text: text)
    return {
        "id": course_id,
        "slug": document["slug"],
        "title": document["title"],
        "summary": document.get("summary", ""),
        "topics": document.get("topics", []),
        "competencies": document.get("competencies", []),
        "status": status,
        "version": version,
        "published_at": published_at.isoformat() if hasattr(published_at, "isoformat") else published_at,
        "body_format": body_format,
        **totals(document),
        "modules": [
            {
                "id": module["id"],
                "key": module["key"],
                "position": position,
                "title": module["title"],
                "summary": module.get("summary", ""),
                "required": module.get("required", True),
                "competencies": module.get("competencies", []),
                "assessment_id": module.get("assessment_id"),
                "assessment_slug": module.get("assessment_slug"),
                "lessons": [
                    {
                        "id": lesson["id"],
                        "key": lesson["key"],
                        "position": index,
                        "title": lesson["title"],
                        "kind": lesson["kind"],
                        "duration_min": lesson["duration_min"],
                        "competencies": lesson.get("competencies", []),
                        "body": render(lesson["body"]),
                    }
                    for index, lesson in enumerate(module["lessons"])
                ],
            }
            for position, module in enumerate(document["modules"])
        ],
    }
