"""Events this service applies: curriculum's course structure (diagnostic recommendations) and
insights' needs analyses (who may answer a survey; when the sealed responses are released)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from lms.assessment.service.analyses import apply_analysis_opened
from lms.assessment.service.course_events import apply_course_published, apply_course_retired
from lms.assessment.service.release import apply_analysis_closed
from lms.contracts import events
from lms.kit.config import Settings
from lms.kit.inbox import Handler
from lms.kit.outbox import Outbox


def handlers(settings: Settings) -> Mapping[str, Handler]:
    outbox = Outbox(source="/assessment", topic=settings.topic)
    return {
        events.COURSE_PUBLISHED.name: partial(apply_course_published, outbox),
        events.COURSE_RETIRED.name: partial(apply_course_retired, outbox),
        events.NEEDS_ANALYSIS_OPENED.name: apply_analysis_opened,
        events.NEEDS_ANALYSIS_CLOSED_V2.name: partial(apply_analysis_closed, outbox),
    }
