"""A completed course: its certificate code, the completion row HR reads, its xAPI statement."""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from lms.contracts import events
from lms.progress.db import completions
from lms.progress.domain.completion import Evaluation, completion_evidence
from lms.progress.service.publishing import Channels, publish
from lms.progress.service.standing import Standing, enrolment_ids
from lms.progress.service.xapi_store import record_completion


def complete_course(
    session: Session, channels: Channels, standing: Standing, evaluation: Evaluation, now: datetime
) -> None:
    completion_id = str(uuid.uuid4())
    data = {
        "completion_id": completion_id,
        **enrolment_ids(standing.enrolment),
        "completed_at": now.isoformat(),
        "score": evaluation.score,
        "certificate_code": new_certificate_code(),
    }
    event = publish(session, channels.outbox, events.COURSE_COMPLETED, data)
    evidence = completion_evidence(standing.structure, evaluation, standing.lessons)
    store_completion(session, channels, standing, data, evidence, event.id if event else completion_id)


def store_completion(
    session: Session,
    channels: Channels,
    standing: Standing,
    data: dict[str, Any],
    evidence: dict[str, Any],
    event_id: str,
) -> None:
    """The completion row (the HR feed, CSV, certificate) and its xAPI statement."""
    title = standing.structure.title
    session.execute(
        insert(completions).values(
            id=data["completion_id"],
            enrolment_id=data["enrolment_id"],
            learner_id=data["learner_id"],
            learner_name=standing.enrolment.learner_name,
            course_id=data["course_id"],
            course_title=title,
            course_version=data["course_version"],
            completed_at=datetime.fromisoformat(data["completed_at"]),
            score=data["score"],
            certificate_code=data["certificate_code"],
            evidence=evidence,
            event_id=event_id,
        )
    )
    record_completion(session, channels.xapi, event_id, data, title)


def new_certificate_code() -> str:
    """128 random bits, URL-safe: not guessable, not enumerable."""
    return secrets.token_urlsafe(16)
