"""Course packages: a whole course in one JSON/YAML document, and what importing one changes.

A package is the course document without ids (modules and lessons are matched by `key`);
exporting a draft or version and importing it back yields the same document, so an
unchanged package changes nothing.
"""

from __future__ import annotations

from typing import Any

from lms.curriculum.domain.building import Keys, make_module
from lms.curriculum.domain.document import (
    COURSE_FIELDS,
    LESSON_FIELDS,
    MODULE_FIELDS,
    Course,
    Lesson,
    Module,
)


def package_to_document(package: dict[str, Any], course_id: str) -> Course:
    """The draft document a package describes, ids derived from its keys."""
    keys = Keys()
    return Course(
        slug=package["slug"],
        title=package.get("title", ""),
        summary=package.get("summary", ""),
        topics=list(package.get("topics", [])),
        competencies=list(package.get("competencies", [])),
        diagnostic_slug=package.get("diagnostic_slug") or None,
        modules=[
            make_module(course_id, {k: v for k, v in fields.items() if k != "id"}, keys)
            for fields in package.get("modules", [])
        ],
    )


def document_to_package(course: Course) -> dict[str, Any]:
    """The package that imports back to `course`."""
    package: dict[str, Any] = {name: getattr(course, name) for name in COURSE_FIELDS}
    if course.diagnostic_slug:
        package["diagnostic_slug"] = course.diagnostic_slug
    package["modules"] = [
        {
            **{name: getattr(module, name) for name in MODULE_FIELDS if getattr(module, name) is not None},
            "lessons": [{name: getattr(lesson, name) for name in LESSON_FIELDS} for lesson in module.lessons],
            **({"cmi5": module.cmi5} if module.cmi5 is not None else {}),
        }
        for module in course.modules
    ]
    return package


def diff(old: Course | None, new: Course) -> list[str]:
    """What changes from `old` to `new`, one readable line per change ([] when equal)."""
    if old is None:
        return [f"course {new.slug!r} is created with {len(new.modules)} module(s)"]
    changes = [
        f"course {name} changes"
        for name in (*COURSE_FIELDS, "diagnostic_slug")
        if getattr(old, name) != getattr(new, name)
    ]
    old_modules = {m.key: m for m in old.modules}
    new_modules = {m.key: m for m in new.modules}
    changes += [f"module {key!r} is removed" for key in old_modules if key not in new_modules]
    for key, module in new_modules.items():
        if key not in old_modules:
            changes.append(f"module {key!r} is added with {len(module.lessons)} lesson(s)")
        else:
            changes += _module_changes(key, old_modules[key], module)
    if _reordered(list(old_modules), list(new_modules)):
        changes.append("modules are reordered")
    return changes


def _module_changes(key: str, old: Module, new: Module) -> list[str]:
    changes = [
        f"module {key!r}: {name} changes"
        for name in MODULE_FIELDS
        if name != "key" and getattr(old, name) != getattr(new, name)
    ]
    if old.cmi5 != new.cmi5:
        changes.append(f"module {key!r}: its cmi5 course structure changes")
    old_lessons = {lesson.key: lesson for lesson in old.lessons}
    new_lessons = {lesson.key: lesson for lesson in new.lessons}
    changes += [f"lesson {key}/{k!r} is removed" for k in old_lessons if k not in new_lessons]
    changes += [f"lesson {key}/{k!r} is added" for k in new_lessons if k not in old_lessons]
    for lesson_key, lesson in new_lessons.items():
        if lesson_key in old_lessons:
            changes += _lesson_changes(f"{key}/{lesson_key!r}", old_lessons[lesson_key], lesson)
    if _reordered(list(old_lessons), list(new_lessons)):
        changes.append(f"module {key!r}: lessons are reordered")
    return changes


def _lesson_changes(where: str, old: Lesson, new: Lesson) -> list[str]:
    return [
        f"lesson {where}: {name} changes"
        for name in LESSON_FIELDS
        if name != "key" and getattr(old, name) != getattr(new, name)
    ]


def _reordered(old: list[str], new: list[str]) -> bool:
    old_set, new_set = set(old), set(new)
    return [k for k in old if k in new_set] != [k for k in new if k in old_set]
