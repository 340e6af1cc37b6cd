"""What records knows of courses and enrolments, from curriculum's and progress's events.

Each published cmi5 module is kept by (course, version, module); each enrolment by id with its
learner and pinned version. A launch reads both; neither is ever read from another service's
database.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from lms.kit.cloudevents import CloudEvent
from lms.kit.db import insert_ignore
from lms.records.db import cmi5_courses, cmi5_enrolments
from lms.records.domain.cmi5.course import Au, Cmi5Course, parse
from lms.records.domain.errors import NotFound

C, E = cmi5_courses.c, cmi5_enrolments.c


def course_published(session: Session, event: CloudEvent) -> None:
    """Keep the cmi5 modules of a published version (once; versions never change)."""
    data = event.data
    rows = [
        {
            "course_id": data["course_id"],
            "version": data["version"],
            "module_id": module["module_id"],
            "structure": json.dumps(module["cmi5"], separators=(",", ":")),
        }
        for module in data["modules"]
        if module.get("cmi5")
    ]
    insert_ignore(session, cmi5_courses, rows)


def enrolment_created(session: Session, event: CloudEvent) -> None:
    data = event.data
    row = {
        "enrolment_id": data["enrolment_id"],
        "learner_id": data["learner_id"],
        "course_id": data["course_id"],
        "course_version": data["course_version"],
    }
    insert_ignore(session, cmi5_enrolments, [row])


def enrolment_upgraded(session: Session, event: CloudEvent) -> None:
    data = event.data
    session.execute(
        update(cmi5_enrolments)
        .where(E.enrolment_id == data["enrolment_id"], E.course_version < data["to_version"])
        .values(course_version=data["to_version"])
    )


def enrolment(session: Session, enrolment_id: str) -> Any | None:
    return session.execute(select(cmi5_enrolments).where(E.enrolment_id == enrolment_id)).first()


def courses_of(session: Session, course_id: str, version: int) -> list[Cmi5Course]:
    found = session.execute(
        select(C.module_id, C.structure).where(C.course_id == course_id, C.version == version)
    )
    return [parse(course_id, version, row.module_id, json.loads(row.structure)) for row in found]


def au_of(session: Session, course_id: str, version: int, lesson_id: str) -> tuple[Cmi5Course, Au]:
    """The cmi5 course and AU that lesson `lesson_id` of a version stands for, or NotFound."""
    for course in courses_of(session, course_id, version):
        au = course.au(lesson_id)
        if au is not None:
            return course, au
    raise NotFound(f"Version {version} of the course has no AU {lesson_id}.")
