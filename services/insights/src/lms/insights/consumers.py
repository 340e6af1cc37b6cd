"""Events this service applies: the directory, course structures, completions, diagnostics, surveys."""

from __future__ import annotations

from collections.abc import Mapping

from lms.contracts import events
from lms.contracts.events import SURVEY_PARTICIPATED, SURVEY_RESPONDED
from lms.insights.service.catalog import (
    apply_course_completed,
    apply_course_published,
    apply_diagnostic_completed,
)
from lms.insights.service.directory import apply_team_changed, apply_user
from lms.insights.service.surveys import apply_survey_participated, apply_survey_responded
from lms.kit.config import Settings
from lms.kit.inbox import Handler


def handlers(_settings: Settings) -> Mapping[str, Handler]:
    return {
        events.TEAM_CHANGED.name: apply_team_changed,
        events.USER_PROVISIONED.name: apply_user,
        events.USER_UPDATED.name: apply_user,
        events.USER_DEACTIVATED.name: apply_user,
        events.COURSE_PUBLISHED.name: apply_course_published,
        events.COURSE_COMPLETED.name: apply_course_completed,
        events.DIAGNOSTIC_COMPLETED.name: apply_diagnostic_completed,
        SURVEY_RESPONDED.name: apply_survey_responded,
        SURVEY_PARTICIPATED.name: apply_survey_participated,
    }
