"""When an AU, a block and a course are satisfied (cmi5 13.1.4 moveOn, 9.3.9 satisfied).

An AU is satisfied by its moveOn, or by being waived; a block when everything in it is; the
course when everything in it is. Each block and the course are announced satisfied once per
registration, inner blocks first.
"""

from __future__ import annotations

from dataclasses import dataclass

from lms.records.domain.cmi5.course import Au, Block, Cmi5Course


@dataclass(frozen=True)
class AuProgress:
    completed: bool = False
    passed: bool = False
    waived: bool = False


def meets_move_on(move_on: str, progress: AuProgress) -> bool:
    if progress.waived or move_on == "NotApplicable":
        return True
    return {
        "Completed": progress.completed,
        "Passed": progress.passed,
        "CompletedAndPassed": progress.completed and progress.passed,
        "CompletedOrPassed": progress.completed or progress.passed,
    }.get(move_on, False)


@dataclass(frozen=True)
class Newly:
    """What a change satisfies that was not announced before: blocks (inner first), then the course."""

    blocks: tuple[Block, ...]
    course: bool


def newly_satisfied(course: Cmi5Course, satisfied_aus: set[str], announced: set[str]) -> Newly:
    """`satisfied_aus`: lesson ids of satisfied AUs; `announced`: publisher ids of blocks (and the
    course) already announced satisfied in the registration."""

    def done(node: Au | Block) -> bool:
        if isinstance(node, Au):
            return node.lesson_id in satisfied_aus
        return all(done(child) for child in node.children)

    blocks = tuple(b for b in course.blocks_inner_first() if b.id not in announced and done(b))
    whole = course.publisher_id not in announced and all(done(child) for child in course.children)
    return Newly(blocks, whole)
