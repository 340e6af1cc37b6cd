"""Caps on one course, so no single request can make the service build an unbounded document."""

from __future__ import annotations

import json

from lms.curriculum.domain.document import Course
from lms.curriculum.domain.errors import Invalid, TooLarge

MAX_MODULES = 100
MAX_LESSONS_PER_MODULE = 200
MAX_AUS_PER_MODULE = 2000  # a cmi5 course's AUs (cmi5 6.1: "more than 1000 AUs")
MAX_DOCUMENT_BYTES = 2 * 1024 * 1024
MAX_COLLABORATORS = 50


def check_limits(course: Course) -> None:
    """Refuse a course over a cap, naming the cap (before anything is stored)."""
    check_counts(
        [len(module.lessons) for module in course.modules], [m.cmi5 is not None for m in course.modules]
    )
    size = len(json.dumps(course.to_json(), ensure_ascii=False).encode())
    if size > MAX_DOCUMENT_BYTES:
        raise TooLarge(
            f"A course document is at most {MAX_DOCUMENT_BYTES} bytes as JSON; this one is {size}."
        )


def check_counts(lessons_per_module: list[int], cmi5: list[bool] | None = None) -> None:
    """Refuse too many modules, or a module with too many lessons (cheap: counts only); `cmi5` marks
    the modules that are cmi5 courses, which may hold up to `MAX_AUS_PER_MODULE` AU lessons."""
    cmi5 = cmi5 or [False] * len(lessons_per_module)
    if len(lessons_per_module) > MAX_MODULES:
        raise Invalid(
            f"A course holds at most {MAX_MODULES} modules; this one has {len(lessons_per_module)}.",
            {"modules": [f"at most {MAX_MODULES} modules"]},
        )
    crowded = {
        f"modules[{index}].lessons": [f"at most {cap} lessons per module"]
        for index, (count, is_cmi5) in enumerate(zip(lessons_per_module, cmi5, strict=True))
        if count > (cap := MAX_AUS_PER_MODULE if is_cmi5 else MAX_LESSONS_PER_MODULE)
    }
    if crowded:
        raise Invalid(f"A module holds at most {MAX_LESSONS_PER_MODULE} lessons.", crowded)
