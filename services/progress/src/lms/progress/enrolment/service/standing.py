"""An enrolment with what it has done, as the completion rule needs it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row

from lms.progress.catalog.domain.structure import CourseStructure


@dataclass
class Standing:
    """An enrolment with what it has done: its pinned structure, lessons and recorded modules."""

    enrolment: Row[Any]
    structure: CourseStructure
    lessons: set[str]
    recorded: set[str]


def enrolment_ids(enrolment: Row[Any]) -> dict[str, Any]:
    return {
        "enrolment_id": enrolment.id,
        "learner_id": enrolment.learner_id,
        "course_id": enrolment.course_id,
        "course_version": enrolment.course_version,
    }
