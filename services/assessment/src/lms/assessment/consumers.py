"""Events this service applies: curriculum's course structure, for diagnostic recommendations."""

from __future__ import annotations

from collections.abc import Mapping

from lms.assessment.service.catalog import apply_course_published, apply_course_retired
from lms.kit.config import Settings
from lms.kit.inbox import Handler


def handlers(_settings: Settings) -> Mapping[str, Handler]:
    return {
        "lms.curriculum.course.published.v1": apply_course_published,
        "lms.curriculum.course.retired.v1": apply_course_retired,
    }
