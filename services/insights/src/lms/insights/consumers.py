"""Events this service applies: the directory, course structures, completions, diagnostics, surveys.

A use case that announces events works in a unit of work joining the consumer's batch
transaction: what it announces commits with the batch, or not at all."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from lms.contracts import events
from lms.insights.domain.causes import LEADERS_COURSE_SLUG
from lms.insights.service.catalog import (
    apply_course_completed,
    apply_course_published,
    apply_diagnostic_completed,
)
from lms.insights.service.context import thresholds_from
from lms.insights.service.directory import apply_team_changed, apply_user
from lms.insights.service.reports import ReportRules
from lms.insights.service.surveys import (
    apply_survey_participated,
    apply_survey_released,
    apply_survey_responded,
)
from lms.kit.config import Settings
from lms.kit.inbox import Handler
from lms.kit.outbox import Outbox
from lms.kit.uow import joined, joiner


def handlers(settings: Settings) -> Mapping[str, Handler]:
    outbox = Outbox(source="/insights", topic=settings.topic)
    rules = ReportRules(thresholds_from(), LEADERS_COURSE_SLUG)

    join = joiner(outbox)
    return {
        events.TEAM_CHANGED.name: apply_team_changed,
        events.USER_PROVISIONED.name: apply_user,
        events.USER_UPDATED.name: apply_user,
        events.USER_DEACTIVATED.name: apply_user,
        events.COURSE_PUBLISHED.name: apply_course_published,
        events.COURSE_COMPLETED.name: apply_course_completed,
        events.DIAGNOSTIC_COMPLETED.name: apply_diagnostic_completed,
        events.SURVEY_RELEASED.name: joined(join, partial(apply_survey_released, rules)),
        events.SURVEY_RESPONDED.name: apply_survey_responded,
        events.SURVEY_PARTICIPATED.name: apply_survey_participated,
    }
