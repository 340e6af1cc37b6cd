"""The assessment service's survey events, as insights names them until their contracts land.

When `lms.contracts.events` declares them, these are those declarations; until then they are
declared here with the shapes agreed in the brief (remove this module once main has them).
"""

from __future__ import annotations

from lms.contracts import events
from lms.contracts.events import EventType

SURVEY_RESPONDED: EventType = getattr(events, "SURVEY_RESPONDED", None) or EventType(
    "lms.assessment.survey.responded.v1", "survey_id"
)
SURVEY_PARTICIPATED: EventType = getattr(events, "SURVEY_PARTICIPATED", None) or EventType(
    "lms.assessment.survey.participated.v1", "learner_id"
)
