"""Modules and lessons from author input: keys settled (in linear time) and ids derived."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from lms.curriculum.domain.document import Lesson, Module, stable_id


class Keys:
    """Hands out keys unique within one list: `title`, `title-2`, `title-3`, ...

    Remembers the next suffix per wanted key, so n equal titles cost O(n), not O(n²).
    """

    def __init__(self, taken: Iterable[str] = ()):
        self._taken = set(taken)
        self._next: dict[str, int] = {}

    def take(self, key: str) -> str:
        """Mark a key the author chose as used (duplicates are left for publish rules to name)."""
        self._taken.add(key)
        return key

    def make(self, wanted: str) -> str:
        key, n = wanted, self._next.get(wanted, 2)
        while key in self._taken:
            key, n = f"{wanted}-{n}", n + 1
        self._next[wanted] = n
        return self.take(key)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "item"


def make_module(course_id: str, fields: dict[str, Any], keys: Keys) -> Module:
    """A module from author input, with its key and id settled and its lessons built."""
    key = keys.take(fields["key"]) if fields.get("key") else keys.make(slugify(fields["title"]))
    return Module(
        id=fields.get("id") or stable_id(course_id, "module", key),
        key=key,
        title=fields["title"],
        summary=fields.get("summary", ""),
        required=fields.get("required", True),
        competencies=list(fields.get("competencies", [])),
        assessment_id=fields.get("assessment_id"),
        assessment_slug=fields.get("assessment_slug"),
        lessons=make_lessons(course_id, key, fields.get("lessons", [])),
        cmi5=fields.get("cmi5"),
    )


def make_lessons(course_id: str, module_key: str, given: list[dict[str, Any]]) -> list[Lesson]:
    keys = Keys()
    return [_lesson(course_id, module_key, fields, keys) for fields in given]


def _lesson(course_id: str, module_key: str, fields: dict[str, Any], keys: Keys) -> Lesson:
    key = keys.take(fields["key"]) if fields.get("key") else keys.make(slugify(fields["title"]))
    return Lesson(
        id=fields.get("id") or stable_id(course_id, "lesson", f"{module_key}/{key}"),
        key=key,
        title=fields["title"],
        kind=fields.get("kind", "text"),
        body=fields.get("body", ""),
        duration_min=int(fields.get("duration_min", 5)),
        competencies=list(fields.get("competencies", [])),
    )
