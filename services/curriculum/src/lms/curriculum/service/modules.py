"""Modules of a draft: add, edit (their lessons replaced whole), remove."""

from __future__ import annotations

from typing import Any

from lms.curriculum.domain.access import Caller
from lms.curriculum.domain.building import Keys, make_lessons, make_module
from lms.curriculum.domain.document import Course, Module
from lms.curriculum.domain.errors import Conflict, NotFound
from lms.curriculum.service.context import Context
from lms.curriculum.service.editing import Draft, edit


def add_module(
    ctx: Context, caller: Caller, course_id: str, fields: dict[str, Any], if_match: int | None
) -> tuple[Draft, Module]:
    """Append (or insert at `position`) a module; If-Match is honoured when sent, not required."""

    def change(course: Course) -> Module:
        module = make_module(course_id, fields, Keys(m.key for m in course.modules))
        if course.module(module.id):
            raise Conflict(f"The course already has a module keyed {module.key!r}.")
        position = fields.get("position")
        course.modules.insert(len(course.modules) if position is None else position, module)
        return module

    return edit(ctx, caller, course_id, if_match, change, if_match_required=False)


def update_module(
    ctx: Context, caller: Caller, course_id: str, module_id: str, fields: dict[str, Any], if_match: int | None
) -> tuple[Draft, Module]:
    """Change the fields sent; `lessons` replaces the module's lessons (If-Match required)."""

    def change(course: Course) -> Module:
        module = _module(course, module_id)
        changes = {k: v for k, v in fields.items() if k != "position"}
        if "lessons" in changes:
            changes["lessons"] = _lessons(course_id, module, changes["lessons"])
        for name, value in changes.items():
            setattr(module, name, value)
        if fields.get("position") is not None:
            course.modules.remove(module)
            course.modules.insert(fields["position"], module)
        return module

    return edit(ctx, caller, course_id, if_match, change)


def delete_module(
    ctx: Context, caller: Caller, course_id: str, module_id: str, if_match: int | None
) -> Draft:
    """Remove a module from the draft (If-Match required)."""
    return edit(
        ctx, caller, course_id, if_match, lambda course: course.modules.remove(_module(course, module_id))
    )[0]


def _lessons(course_id: str, module: Module, given: list[dict[str, Any]]) -> list:
    """Lessons sent for `module`: an `id` it already has keeps that lesson's key."""
    keys = {lesson.id: lesson.key for lesson in module.lessons}
    kept = [{**ls, "key": ls.get("key") or keys.get(ls.get("id", ""))} for ls in given]
    return make_lessons(course_id, module.key, [_without_position(ls) for ls in kept])


def _without_position(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if k != "position" and v is not None}


def _module(course: Course, module_id: str) -> Module:
    module = course.module(module_id)
    if module is None:
        raise NotFound(f"The draft has no module {module_id}.")
    return module
