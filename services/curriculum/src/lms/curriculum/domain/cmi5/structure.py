"""A cmi5 course structure (cmi5 section 13) as typed values: the course, its blocks and AUs.

Values are as the course structure gives them with leading and trailing whitespace removed
(13.1); an AU's `url` is absolute, or relative to the package it came in.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

MOVE_ON = ("NotApplicable", "Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed")
LAUNCH_METHODS = ("AnyWindow", "OwnWindow")


@dataclass(frozen=True)
class Au:
    id: str
    title: str
    description: str
    url: str
    move_on: str = "NotApplicable"
    mastery_score: float | None = None
    launch_method: str = "AnyWindow"
    launch_parameters: str | None = None
    entitlement_key: str | None = None
    activity_type: str | None = None


@dataclass(frozen=True)
class Block:
    id: str
    title: str
    description: str
    children: tuple[Au | Block, ...] = ()


@dataclass(frozen=True)
class CourseStructure:
    id: str
    title: str
    description: str
    children: tuple[Au | Block, ...] = ()
    objectives: tuple[str, ...] = field(default=())

    def aus(self) -> list[Au]:
        """Every AU in the order of the course structure (blocks depth first)."""
        return list(_aus(self.children))

    def blocks(self) -> list[Block]:
        return list(_blocks(self.children))


def _aus(children: tuple[Au | Block, ...]) -> Iterator[Au]:
    for child in children:
        if isinstance(child, Au):
            yield child
        else:
            yield from _aus(child.children)


def _blocks(children: tuple[Au | Block, ...]) -> Iterator[Block]:
    for child in children:
        if isinstance(child, Block):
            yield child
            yield from _blocks(child.children)
