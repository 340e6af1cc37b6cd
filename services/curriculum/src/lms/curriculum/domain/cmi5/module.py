"""A cmi5 course as one module of ours: each AU a lesson of kind `au`, the structure kept beside them.

`Module.cmi5` is `{"course_id": <publisher IRI>, "package": <content key or None>,
"children": [node, ...]}` where a node is a block `{"type": "block", "id", "title", "children"}`
or an AU `{"type": "au", "id", "lesson", "title", "url", "move_on", "mastery_score",
"launch_method", "launch_parameters", "entitlement_key", "activity_type"}` and `lesson` is the
key of the AU's lesson. Keys derive from the publisher's ids, so a re-imported package keeps its
module and lesson ids (and a learner's progress). The published event names lessons by id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import Any

from lms.curriculum.domain.building import Keys, make_module
from lms.curriculum.domain.cmi5.structure import Au, Block, CourseStructure
from lms.curriculum.domain.document import Module

AU_KIND = "au"
TITLE_MAX = 300
SUMMARY_MAX = 4000


def module_key(course_iri: str) -> str:
    return "cmi5-" + _digest(course_iri)


def lesson_key(au_iri: str) -> str:
    return "au-" + _digest(au_iri)


def build_module(course_id: str, structure: CourseStructure, package: str | None, required: bool) -> Module:
    """The module standing for `structure` in course `course_id` (its files served from `package`)."""
    fields = {
        "key": module_key(structure.id),
        "title": structure.title[:TITLE_MAX] or structure.id[:TITLE_MAX],
        "summary": structure.description[:SUMMARY_MAX],
        "required": required,
        "lessons": [_lesson(au) for au in structure.aus()],
        "cmi5": {"course_id": structure.id, "package": package, "children": _nodes(structure.children)},
    }
    return make_module(course_id, fields, Keys())


def _lesson(au: Au) -> dict[str, Any]:
    return {
        "key": lesson_key(au.id),
        "title": au.title[:TITLE_MAX] or au.id[:TITLE_MAX],
        "kind": AU_KIND,
        "body": au.description or au.title or au.id,
        "duration_min": 0,
    }


def _nodes(children: tuple[Au | Block, ...]) -> list[dict[str, Any]]:
    return [_au(child) if isinstance(child, Au) else _block(child) for child in children]


def _block(block: Block) -> dict[str, Any]:
    return {"type": "block", "id": block.id, "title": block.title, "children": _nodes(block.children)}


def _au(au: Au) -> dict[str, Any]:
    return {
        "type": AU_KIND,
        "id": au.id,
        "lesson": lesson_key(au.id),
        "title": au.title,
        "url": au.url,
        "move_on": au.move_on,
        "mastery_score": au.mastery_score,
        "launch_method": au.launch_method,
        "launch_parameters": au.launch_parameters,
        "entitlement_key": au.entitlement_key,
        "activity_type": au.activity_type,
    }


def au_nodes(cmi5: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every AU node of a module's structure, in order."""
    for node in _walk(cmi5.get("children") or []):
        if node.get("type") == AU_KIND:
            yield node


def _walk(nodes: list[Any]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        if isinstance(node, dict):
            yield node
            if node.get("type") == "block":
                yield from _walk(node.get("children") or [])


def module_problems(module: Module) -> list[str]:
    """Why a module's lessons and its cmi5 structure disagree ([] when they agree)."""
    au_lessons = [lesson.key for lesson in module.lessons if lesson.kind == AU_KIND]
    if module.cmi5 is None:
        return ["its AU lessons belong to no cmi5 course"] if au_lessons else []
    if not isinstance(module.cmi5.get("course_id"), str) or not isinstance(module.cmi5.get("children"), list):
        return ["its cmi5 structure has no course_id or children"]
    problems = []
    if len(au_lessons) != len(module.lessons):
        problems.append("a cmi5 course holds its AUs as lessons, and nothing else")
    listed = [node.get("lesson") for node in au_nodes(module.cmi5)]
    if sorted(map(str, listed)) != sorted(au_lessons):
        problems.append("its AU lessons and the AUs of its cmi5 structure differ")
    return problems


def event_form(module: Module) -> dict[str, Any]:
    """The module's structure as `course.published` carries it: AUs name their lesson by id."""
    assert module.cmi5 is not None
    ids = {lesson.key: lesson.id for lesson in module.lessons}
    return {**module.cmi5, "children": _with_ids(module.cmi5["children"], ids.__getitem__)}


def _with_ids(nodes: list[dict[str, Any]], lesson_id: Callable[[str], str]) -> list[dict[str, Any]]:
    shaped = []
    for node in nodes:
        if node["type"] == AU_KIND:
            shaped.append(
                {k: v for k, v in node.items() if k != "lesson"} | {"lesson_id": lesson_id(node["lesson"])}
            )
        else:
            shaped.append({**node, "children": _with_ids(node["children"], lesson_id)})
    return shaped


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:12]
