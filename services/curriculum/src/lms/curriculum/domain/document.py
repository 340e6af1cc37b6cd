"""The course document: one JSON-able dict holding a course with its modules and lessons.

A draft is a document that authors edit; a published version is a frozen copy of one.
Module and lesson ids derive from the course id and a stable key, so they stay the same
across versions and across re-imports of a package.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import uuid
from typing import Any

Document = dict[str, Any]
LESSON_KINDS = ("text", "video", "scenario", "reflection", "activity")
COURSE_FIELDS = ("slug", "title", "summary", "topics", "competencies")
MODULE_FIELDS = ("key", "title", "summary", "required", "competencies", "assessment_id", "assessment_slug")
LESSON_FIELDS = ("key", "title", "kind", "body", "duration_min", "competencies")


def new_document(slug: str, title: str, summary: str = "", topics=(), competencies=()) -> Document:
    return {
        "slug": slug,
        "title": title,
        "summary": summary,
        "topics": list(topics),
        "competencies": list(competencies),
        "modules": [],
    }


def stable_id(course_id: str, kind: str, key: str) -> str:
    """The id of a module or lesson with `key` in course `course_id` (uuid5: same inputs, same id)."""
    return str(uuid.uuid5(uuid.UUID(course_id), f"{kind}:{key}"))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "item"


def unique_key(wanted: str, taken: set[str]) -> str:
    key, n = wanted, 2
    while key in taken:
        key, n = f"{wanted}-{n}", n + 1
    return key


def make_module(course_id: str, fields: dict[str, Any], taken_keys: set[str]) -> dict[str, Any]:
    """A module from author input, with its key and id settled and its lessons built."""
    key = fields.get("key") or unique_key(slugify(fields["title"]), taken_keys)
    module = {
        "id": fields.get("id") or stable_id(course_id, "module", key),
        "key": key,
        "title": fields["title"],
        "summary": fields.get("summary", ""),
        "required": fields.get("required", True),
        "competencies": list(fields.get("competencies", [])),
        "assessment_id": fields.get("assessment_id"),
        "assessment_slug": fields.get("assessment_slug"),
        "lessons": [],
    }
    module["lessons"] = make_lessons(course_id, key, fields.get("lessons", []))
    return module


def make_lessons(course_id: str, module_key: str, given: list[dict[str, Any]]) -> list[dict[str, Any]]:
    taken: set[str] = set()
    lessons = []
    for fields in given:
        key = fields.get("key") or unique_key(slugify(fields["title"]), taken)
        taken.add(key)
        lessons.append(
            {
                "id": fields.get("id") or stable_id(course_id, "lesson", f"{module_key}/{key}"),
                "key": key,
                "title": fields["title"],
                "kind": fields.get("kind", "text"),
                "body": fields.get("body", ""),
                "duration_min": int(fields.get("duration_min", 5)),
                "competencies": list(fields.get("competencies", [])),
            }
        )
    return lessons


def find_module(document: Document, module_id: str) -> dict[str, Any] | None:
    return next((m for m in document["modules"] if m["id"] == module_id), None)


def content_hash(document: Document) -> str:
    """A digest of the content (what a learner would see), independent of key order."""
    return hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()


def frozen(document: Document) -> Document:
    return copy.deepcopy(document)


def totals(document: Document) -> dict[str, int]:
    lessons = [lesson for module in document["modules"] for lesson in module["lessons"]]
    return {
        "modules_count": len(document["modules"]),
        "lessons_count": len(lessons),
        "duration_min": sum(lesson["duration_min"] for lesson in lessons),
    }
