"""Progress use cases: enrol, complete lessons, upgrade, and read where an enrolment stands."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from lms.progress.db import completions, courses, enrolments, lesson_completions
from lms.progress.domain.completion import lesson_module, lessons_of
from lms.progress.emitter import ENROLMENT_CREATED, ENROLMENT_UPGRADED, LESSON_COMPLETED, Emitter
from lms.progress.errors import Conflict, NotFound, Unprocessable
from lms.progress.progression import advance, evaluation_of, structure_of


class Progress:
    def __init__(self, sessions: sessionmaker[Session], emitter: Emitter):
        self.sessions = sessions
        self.emitter = emitter

    def enrol(
        self,
        learner_id: str,
        learner_name: str,
        course_id: str,
        due_at: datetime | None,
        assigned_by: str | None,
    ) -> dict[str, Any]:
        """Enrol on the latest published version; 409 (with the existing one) when enrolled already."""
        try:
            with self.sessions.begin() as db:
                course = db.execute(select(courses).where(courses.c.course_id == course_id)).first()
                if course is None:
                    raise Unprocessable(f"Course {course_id} is unknown or not published.")
                if course.retired_at is not None:
                    raise Unprocessable(f"Course {course_id} is retired: it takes no new enrolments.")
                self._refuse_duplicate(db, learner_id, course_id)
                enrolment_id, now = str(uuid.uuid4()), datetime.now(UTC)
                db.execute(
                    insert(enrolments).values(
                        id=enrolment_id,
                        learner_id=learner_id,
                        learner_name=learner_name or learner_id,
                        course_id=course_id,
                        course_version=course.latest_version,
                        status="active",
                        percent=0.0,
                        enrolled_at=now,
                        due_at=due_at,
                        assigned_by=assigned_by,
                    )
                )
                self.emitter.emit(
                    db,
                    ENROLMENT_CREATED,
                    learner_id,
                    {
                        "enrolment_id": enrolment_id,
                        "learner_id": learner_id,
                        "course_id": course_id,
                        "course_version": course.latest_version,
                        "enrolled_at": now.isoformat(),
                        "due_at": due_at.isoformat() if due_at else None,
                        "assigned_by": assigned_by,
                        "learner_name": learner_name or learner_id,
                    },
                )
                advance(db, self.emitter, enrolment_id)
        except IntegrityError:  # a concurrent request enrolled the same learner first
            with self.sessions() as db:
                self._refuse_duplicate(db, learner_id, course_id)
            raise
        return self.view(enrolment_id)

    def _refuse_duplicate(self, db: Session, learner_id: str, course_id: str) -> None:
        existing = db.scalar(
            select(enrolments.c.id).where(
                enrolments.c.learner_id == learner_id, enrolments.c.course_id == course_id
            )
        )
        if existing:
            raise Conflict("The learner is enrolled on this course already.", self.view(existing, db))

    def complete_lesson(self, enrolment_id: str, lesson_id: str) -> dict[str, Any]:
        """Record a completed lesson (idempotent) and whatever it completes."""
        with self.sessions.begin() as db:
            enrolment = self._locked(db, enrolment_id)
            structure = structure_of(db, enrolment.course_id, enrolment.course_version)
            module_id = lesson_module(structure, lesson_id)
            if module_id is None:
                raise NotFound(
                    f"Lesson {lesson_id} is not part of version {enrolment.course_version} of the course."
                )
            done = db.scalar(
                select(lesson_completions.c.lesson_id).where(
                    lesson_completions.c.enrolment_id == enrolment_id,
                    lesson_completions.c.lesson_id == lesson_id,
                )
            )
            if done is None:
                now = datetime.now(UTC)
                db.execute(
                    insert(lesson_completions).values(
                        enrolment_id=enrolment_id, lesson_id=lesson_id, module_id=module_id, completed_at=now
                    )
                )
                self.emitter.emit(
                    db,
                    LESSON_COMPLETED,
                    enrolment.learner_id,
                    {
                        "enrolment_id": enrolment_id,
                        "learner_id": enrolment.learner_id,
                        "course_id": enrolment.course_id,
                        "course_version": enrolment.course_version,
                        "module_id": module_id,
                        "lesson_id": lesson_id,
                        "completed_at": now.isoformat(),
                    },
                )
                advance(db, self.emitter, enrolment_id)
        return self.view(enrolment_id)

    def upgrade(self, enrolment_id: str) -> dict[str, Any]:
        """Move an active enrolment to the newest version; completed lessons that still exist count."""
        with self.sessions.begin() as db:
            enrolment = self._locked(db, enrolment_id)
            if enrolment.status == "completed":
                raise Conflict("A completed enrolment keeps the version it was completed on.")
            latest = db.scalar(
                select(courses.c.latest_version).where(courses.c.course_id == enrolment.course_id)
            )
            if latest != enrolment.course_version:
                db.execute(
                    update(enrolments).where(enrolments.c.id == enrolment_id).values(course_version=latest)
                )
                kept = lessons_of(structure_of(db, enrolment.course_id, latest))
                gone = [
                    lid
                    for lid in db.scalars(
                        select(lesson_completions.c.lesson_id).where(
                            lesson_completions.c.enrolment_id == enrolment_id
                        )
                    )
                    if lid not in kept
                ]
                if gone:
                    db.execute(
                        lesson_completions.delete().where(
                            lesson_completions.c.enrolment_id == enrolment_id,
                            lesson_completions.c.lesson_id.in_(gone),
                        )
                    )
                self.emitter.emit(
                    db,
                    ENROLMENT_UPGRADED,
                    enrolment.learner_id,
                    {
                        "enrolment_id": enrolment_id,
                        "learner_id": enrolment.learner_id,
                        "course_id": enrolment.course_id,
                        "from_version": enrolment.course_version,
                        "to_version": latest,
                        "upgraded_at": datetime.now(UTC).isoformat(),
                        "dropped_lessons": sorted(gone),
                    },
                )
                advance(db, self.emitter, enrolment_id)
        return self.view(enrolment_id)

    def view(self, enrolment_id: str, db: Session | None = None) -> dict[str, Any]:
        """The enrolment with per-module status and an explanation of what is missing."""
        if db is None:
            with self.sessions() as session:
                return self.view(enrolment_id, session)
        enrolment = self.get(db, enrolment_id)
        evaluation = evaluation_of(db, enrolment)
        completion = db.execute(select(completions).where(completions.c.enrolment_id == enrolment_id)).first()
        return {
            "id": enrolment.id,
            "learner_id": enrolment.learner_id,
            "course_id": enrolment.course_id,
            "course_version": enrolment.course_version,
            "status": enrolment.status,
            "enrolled_at": enrolment.enrolled_at,
            "due_at": enrolment.due_at,
            "percent": evaluation.percent,
            "completed_at": enrolment.completed_at,
            "score": completion.score if completion else evaluation.score,
            "certificate_code": completion.certificate_code if completion else None,
            "completion_id": completion.id if completion else None,
            "evidence": completion.evidence if completion else None,
            "explanation": evaluation.explanation,
            "modules": [
                {
                    "module_id": m.module_id,
                    "title": m.title,
                    "required": m.required,
                    "status": m.status,
                    "lessons_completed": m.lessons_completed,
                    "lessons_total": m.lessons_total,
                    "assessment_id": m.assessment_id,
                    "assessment_passed": bool(m.passed) if m.assessment_id else None,
                    "missing": list(m.missing),
                }
                for m in evaluation.modules
            ],
        }

    @staticmethod
    def get(db: Session, enrolment_id: str) -> Any:
        row = db.execute(select(enrolments).where(enrolments.c.id == enrolment_id)).first()
        if row is None:
            raise NotFound(f"No enrolment {enrolment_id}.")
        return row

    @staticmethod
    def _locked(db: Session, enrolment_id: str) -> Any:
        row = db.execute(select(enrolments).where(enrolments.c.id == enrolment_id).with_for_update()).first()
        if row is None:
            raise NotFound(f"No enrolment {enrolment_id}.")
        return row

    def list(self, learner_id: str | None, course_id: str | None, limit: int, offset: int) -> list[dict]:
        query = (
            select(enrolments).order_by(enrolments.c.enrolled_at, enrolments.c.id).limit(limit).offset(offset)
        )
        if learner_id:
            query = query.where(enrolments.c.learner_id == learner_id)
        if course_id:
            query = query.where(enrolments.c.course_id == course_id)
        with self.sessions() as db:
            return [row._asdict() for row in db.execute(query)]
