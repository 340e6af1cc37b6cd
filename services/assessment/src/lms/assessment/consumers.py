"""Events this service applies: curriculum's course structure (diagnostic recommendations) and
insights' needs analyses (who may answer a survey; when the sealed responses are released).

A use case that announces events works in a unit of work joining the consumer's batch
transaction: what it announces commits with the batch, or not at all."""

from __future__ import annotations

from collections.abc import Mapping

from lms.assessment.service.analyses import apply_analysis_opened
from lms.assessment.service.course_events import apply_course_published, apply_course_retired
from lms.assessment.service.release import apply_analysis_closed
from lms.contracts import events
from lms.kit.config import Settings
from lms.kit.inbox import Handler
from lms.kit.outbox import Outbox
from lms.kit.uow import joined, joiner


def handlers(settings: Settings) -> Mapping[str, Handler]:
    outbox = Outbox(source="/assessment", topic=settings.topic)

    join = joiner(outbox)
    return {
        events.COURSE_PUBLISHED.name: joined(join, apply_course_published),
        events.COURSE_RETIRED.name: joined(join, apply_course_retired),
        events.NEEDS_ANALYSIS_OPENED.name: apply_analysis_opened,
        events.NEEDS_ANALYSIS_CLOSED_V2.name: joined(join, apply_analysis_closed),
    }
