"""Caps on one course, so no single request can make the service build an unbounded document."""

from __future__ import annotations

import json

from lms.curriculum.domain.document import Course
from lms.curriculum.domain.errors import Invalid, TooLarge

MAX_MODULES = 100
MAX_LESSONS_PER_MODULE = 200
MAX_DOCUMENT_BYTES = 2 * 1024 * 1024
MAX_COLLABORATORS = 50


def check_limits(course: Course) -> None:
    """Refuse a course over a cap, naming the cap (before anything is stored)."""
    if len(course.modules) > MAX_MODULES:
        raise Invalid(
            f"A course holds at most {MAX_MODULES} modules; this one has {len(course.modules)}.",
            {"modules": [f"at most {MAX_MODULES} modules"]},
        )
    crowded = {
        f"modules[{index}].lessons": [f"at most {MAX_LESSONS_PER_MODULE} lessons per module"]
        for index, module in enumerate(course.modules)
        if len(module.lessons) > MAX_LESSONS_PER_MODULE
    }
    if crowded:
        raise Invalid(f"A module holds at most {MAX_LESSONS_PER_MODULE} lessons.", crowded)
    size = len(json.dumps(course.to_json(), ensure_ascii=False).encode())
    if size > MAX_DOCUMENT_BYTES:
        raise TooLarge(
            f"A course document is at most {MAX_DOCUMENT_BYTES} bytes as JSON; this one is {size}."
        )
