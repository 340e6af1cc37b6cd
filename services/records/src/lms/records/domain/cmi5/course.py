"""A cmi5 course as curriculum publishes it: one module of a course version, its blocks and AUs.

The LMS names each AU, block and course with an activity id of its own (cmi5 8.1.5, 9.4): never
the publisher's, the same for every registration and every version that keeps the AU's lesson.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Au:
    id: str  # the publisher's IRI
    lesson_id: str
    title: str
    url: str
    move_on: str
    mastery_score: float | None
    launch_method: str
    launch_parameters: str | None
    entitlement_key: str | None
    activity_type: str | None


@dataclass(frozen=True)
class Block:
    id: str
    title: str
    children: tuple[Au | Block, ...]


@dataclass(frozen=True)
class Cmi5Course:
    course_id: str
    version: int
    module_id: str
    publisher_id: str
    package: str | None
    children: tuple[Au | Block, ...]

    def aus(self) -> list[Au]:
        return [node for node in _walk(self.children) if isinstance(node, Au)]

    def blocks_inner_first(self) -> list[Block]:
        """Blocks, each after the blocks inside it (the order their satisfaction is announced in)."""
        return list(_post_order(self.children))

    def au(self, lesson_id: str) -> Au | None:
        return next((a for a in self.aus() if a.lesson_id == lesson_id), None)


def parse(course_id: str, version: int, module_id: str, data: dict[str, Any]) -> Cmi5Course:
    """A module's `cmi5` object of `course.published`."""
    return Cmi5Course(
        course_id, version, module_id, data["course_id"], data.get("package"), _nodes(data["children"])
    )


def _nodes(items: list[dict[str, Any]]) -> tuple[Au | Block, ...]:
    return tuple(_au(item) if item["type"] == "au" else _block(item) for item in items)


def _block(item: dict[str, Any]) -> Block:
    return Block(item["id"], item.get("title", ""), _nodes(item["children"]))


def _au(item: dict[str, Any]) -> Au:
    return Au(
        id=item["id"],
        lesson_id=item["lesson_id"],
        title=item.get("title", ""),
        url=item["url"],
        move_on=item["move_on"],
        mastery_score=item.get("mastery_score"),
        launch_method=item.get("launch_method", "AnyWindow"),
        launch_parameters=item.get("launch_parameters"),
        entitlement_key=item.get("entitlement_key"),
        activity_type=item.get("activity_type"),
    )


def _walk(nodes: tuple[Au | Block, ...]) -> Iterator[Au | Block]:
    for node in nodes:
        yield node
        if isinstance(node, Block):
            yield from _walk(node.children)


def _post_order(nodes: tuple[Au | Block, ...]) -> Iterator[Block]:
    for node in nodes:
        if isinstance(node, Block):
            yield from _post_order(node.children)
            yield node


def au_activity_id(home_page: str, lesson_id: str) -> str:
    return f"{home_page.rstrip('/')}/cmi5/au/{lesson_id}"


def block_activity_id(home_page: str, module_id: str, block_iri: str) -> str:
    return f"{home_page.rstrip('/')}/cmi5/block/{uuid.uuid5(uuid.UUID(module_id), block_iri)}"


def course_activity_id(home_page: str, module_id: str) -> str:
    return f"{home_page.rstrip('/')}/cmi5/course/{module_id}"
