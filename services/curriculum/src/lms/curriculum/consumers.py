"""Events the curriculum consumes: which assessments are published (never their database)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from lms.curriculum.service import Curriculum
from lms.kit.cloudevents import CloudEvent
from lms.kit.config import Settings
from lms.kit.inbox import Handler

ASSESSMENT_PUBLISHED = "lms.assessment.assessment.published.v1"


def assessment_published(session: Session, event: CloudEvent) -> None:
    Curriculum.record_assessment(session, event.data)


def handlers(_settings: Settings) -> Mapping[str, Handler]:
    return {ASSESSMENT_PUBLISHED: assessment_published}
