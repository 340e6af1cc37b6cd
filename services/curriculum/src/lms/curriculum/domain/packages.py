"""Course packages: a whole course in one JSON/YAML document, and what importing one changes.

A package is the course document without ids (modules and lessons are matched by `key`);
exporting a draft or version and importing it back yields the same document, so an
unchanged package changes nothing.
"""

from __future__ import annotations

from typing import Any

from lms.curriculum.domain.document import (
    COURSE_FIELDS,
    LESSON_FIELDS,
    MODULE_FIELDS,
    Document,
    make_module,
)


def package_to_document(package: dict[str, Any], course_id: str) -> Document:
    """The draft document a package describes, ids derived from its keys."""
    document: Document = {
        name: package.get(name, [] if name in ("topics", "competencies") else "") for name in COURSE_FIELDS
    }
    if package.get("diagnostic_slug"):
        document["diagnostic_slug"] = package["diagnostic_slug"]
    taken: set[str] = set()
    document["modules"] = []
    for fields in package.get("modules", []):
        module = make_module(course_id, {k: v for k, v in fields.items() if k != "id"}, taken)
        taken.add(module["key"])
        document["modules"].append(module)
    return document


def document_to_package(document: Document) -> dict[str, Any]:
    """The package that imports back to `document`."""
    package = {name: document.get(name) for name in COURSE_FIELDS}
    if document.get("diagnostic_slug"):
        package["diagnostic_slug"] = document["diagnostic_slug"]
    package["modules"] = [
        {
            **{name: module.get(name) for name in MODULE_FIELDS if module.get(name) is not None},
            "lessons": [{name: lesson.get(name) for name in LESSON_FIELDS} for lesson in module["lessons"]],
        }
        for module in document["modules"]
    ]
    return package


def diff(old: Document | None, new: Document) -> list[str]:
    """What changes from `old` to `new`, one readable line per change ([] when equal)."""
    if old is None:
        return [f"course {new['slug']!r} is created with {len(new['modules'])} module(s)"]
    changes = [
        f"course {name} changes"
        for name in (*COURSE_FIELDS, "diagnostic_slug")
        if old.get(name) != new.get(name)
    ]
    old_modules = {m["key"]: m for m in old["modules"]}
    new_modules = {m["key"]: m for m in new["modules"]}
    changes += [f"module {key!r} is removed" for key in old_modules if key not in new_modules]
    for key, module in new_modules.items():
        if key not in old_modules:
            changes.append(f"module {key!r} is added with {len(module['lessons'])} lesson(s)")
        else:
            changes += _module_changes(key, old_modules[key], module)
    if [k for k in old_modules if k in new_modules] != [k for k in new_modules if k in old_modules]:
        changes.append("modules are reordered")
    return changes


def _module_changes(key: str, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    changes = [
        f"module {key!r}: {name} changes"
        for name in MODULE_FIELDS
        if name != "key" and old.get(name) != new.get(name)
    ]
    old_lessons = {lesson["key"]: lesson for lesson in old["lessons"]}
    new_lessons = {lesson["key"]: lesson for lesson in new["lessons"]}
    changes += [f"lesson {key}/{k!r} is removed" for k in old_lessons if k not in new_lessons]
    changes += [f"lesson {key}/{k!r} is added" for k in new_lessons if k not in old_lessons]
    for lesson_key, lesson in new_lessons.items():
        if lesson_key in old_lessons:
            changes += [
                f"lesson {key}/{lesson_key!r}: {name} changes"
                for name in LESSON_FIELDS
                if name != "key" and old_lessons[lesson_key].get(name) != lesson.get(name)
            ]
    if [k for k in old_lessons if k in new_lessons] != [k for k in new_lessons if k in old_lessons]:
        changes.append(f"module {key!r}: lessons are reordered")
    return changes
