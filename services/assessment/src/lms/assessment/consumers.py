"""Events this service applies: curriculum's course structure, for diagnostic recommendations."""

from __future__ import annotations

from collections.abc import Mapping

from lms.assessment.service.catalog import apply_course_published, apply_course_retired
from lms.contracts import events
from lms.kit.config import Settings
from lms.kit.inbox import Handler


def handlers(_settings: Settings) -> Mapping[str, Handler]:
    return {
        events.COURSE_PUBLISHED.name: apply_course_published,
        events.COURSE_RETIRED.name: apply_course_retired,
    }
