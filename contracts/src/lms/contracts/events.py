"""Every event type of the suite, declared once: its CloudEvents type and its Kafka key field.

Producers and consumers name events through these constants; the key field is read from
the schema's `x-kafka-key`, so the outbox derives the record key from the payload.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from lms.contracts.registry import SCHEMA_DIR


@dataclass(frozen=True)
class EventType:
    """One declared event type: `name` is the CloudEvents `type`, `key_field` the payload field."""

    name: str
    key_field: str

    def key_of(self, payload: dict[str, Any]) -> str:
        return str(payload[self.key_field])

    def __str__(self) -> str:
        return self.name


def declare(name: str) -> EventType:
    """The declaration of `name`, its key field taken from the schema (which must name one)."""
    key_field = json.loads((SCHEMA_DIR / f"{name}.json").read_text()).get("x-kafka-key")
    if not key_field:
        raise ValueError(f"the schema of {name} declares no x-kafka-key")
    return EventType(name, key_field)


COURSE_PUBLISHED = declare("lms.curriculum.course.published.v1")
COURSE_RETIRED = declare("lms.curriculum.course.retired.v1")
ASSESSMENT_PUBLISHED = declare("lms.assessment.assessment.published.v1")
ATTEMPT_GRADED = declare("lms.assessment.attempt.graded.v1")
DIAGNOSTIC_COMPLETED = declare("lms.assessment.diagnostic.completed.v1")
SURVEY_RESPONDED = declare("lms.assessment.survey.responded.v1")  # no longer emitted (decision 0054)
SURVEY_RELEASED = declare("lms.assessment.survey.released.v1")
SURVEY_PARTICIPATED = declare("lms.assessment.survey.participated.v1")
ENROLMENT_CREATED = declare("lms.progress.enrolment.created.v1")
ENROLMENT_UPGRADED = declare("lms.progress.enrolment.upgraded.v1")
LESSON_COMPLETED = declare("lms.progress.lesson.completed.v1")
MODULE_COMPLETED = declare("lms.progress.module.completed.v1")
COURSE_COMPLETED = declare("lms.progress.course.completed.v1")
USER_PROVISIONED = declare("lms.people.user.provisioned.v1")
USER_UPDATED = declare("lms.people.user.updated.v1")
USER_DEACTIVATED = declare("lms.people.user.deactivated.v1")
TEAM_CHANGED = declare("lms.people.team.changed.v1")
ASSIGNMENT_DUE_SOON = declare("lms.progress.assignment.due_soon.v1")
ASSIGNMENT_OVERDUE = declare("lms.progress.assignment.overdue.v1")
ASSIGNMENT_ESCALATED = declare("lms.progress.assignment.escalated.v1")
CERTIFICATION_EXPIRING = declare("lms.progress.certification.expiring.v1")
CERTIFICATION_EXPIRED = declare("lms.progress.certification.expired.v1")
NEEDS_ANALYSIS_CLOSED = declare("lms.insights.needs_analysis.closed.v1")  # no longer emitted (decision 0054)
NEEDS_ANALYSIS_OPENED = declare("lms.insights.needs_analysis.opened.v1")
NEEDS_ANALYSIS_CLOSED_V2 = declare("lms.insights.needs_analysis.closed.v2")
NEEDS_ANALYSIS_REPORTED = declare("lms.insights.needs_analysis.reported.v1")
STATEMENT_RECORDED = declare("lms.progress.statement.recorded.v1")
STATEMENT_STORED = declare("lms.records.statement.stored.v1")
AU_SATISFIED = declare("lms.records.au.satisfied.v1")

ALL: tuple[EventType, ...] = tuple(v for v in list(globals().values()) if isinstance(v, EventType))
