"""Events the curriculum applies: which assessments are published (never their database)."""

from __future__ import annotations

from collections.abc import Mapping

from lms.contracts import events
from lms.curriculum.service.assessments import apply_assessment_published
from lms.kit.config import Settings
from lms.kit.inbox import Handler


def handlers(_settings: Settings) -> Mapping[str, Handler]:
    return {events.ASSESSMENT_PUBLISHED.name: apply_assessment_published}
