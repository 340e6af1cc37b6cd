"""A completed course: its certificate code, the completion row HR reads, its xAPI statement."""

from __future__ import annotations

import base64
import secrets
import uuid
from datetime import datetime
from typing import Any

from lms.contracts import events
from lms.kit.uow import UnitOfWork
from lms.progress.announcing import Channels
from lms.progress.enrolment.domain.completion import Evaluation, completion_evidence
from lms.progress.enrolment.service.pending_writes import Writes
from lms.progress.enrolment.service.standing import Standing, enrolment_ids
from lms.progress.enrolment.service.statements import completion_statement


def complete_course(
    uow: UnitOfWork,
    channels: Channels,
    standing: Standing,
    evaluation: Evaluation,
    now: datetime,
    writes: Writes,
) -> None:
    """The completion of the standing's course, announced; its rows go to `writes`."""
    completion_id = str(uuid.uuid4())
    data = {
        "completion_id": completion_id,
        **enrolment_ids(standing.enrolment),
        "completed_at": now.isoformat(),
        "score": evaluation.score,
        "certificate_code": new_certificate_code(),
        **writes.hr_ids(uow.session, standing.enrolment.learner_id),
        "cycle": standing.enrolment.cycle,
    }
    event = uow.announce(events.COURSE_COMPLETED, data)
    evidence = completion_evidence(standing.structure, evaluation, standing.lessons)
    store_completion(channels, standing, data, evidence, event.id if event else completion_id, writes)
    writes.completed.append((data, now))


def store_completion(
    channels: Channels,
    standing: Standing,
    data: dict[str, Any],
    evidence: dict[str, Any],
    event_id: str,
    writes: Writes,
) -> None:
    """The completion row (the HR feed, CSV, certificate) and its xAPI statement."""
    title = standing.structure.title
    writes.completions.append(
        {
            "id": data["completion_id"],
            "enrolment_id": data["enrolment_id"],
            "learner_id": data["learner_id"],
            "learner_name": standing.enrolment.learner_name,
            "course_id": data["course_id"],
            "course_title": title,
            "course_version": data["course_version"],
            "completed_at": datetime.fromisoformat(data["completed_at"]),
            "score": data["score"],
            "certificate_code": data["certificate_code"],
            "external_id": data.get("external_id"),
            "employee_number": data.get("employee_number"),
            "evidence": evidence,
            "event_id": event_id,
            "cycle": data.get("cycle", 1),
        }
    )
    writes.statements.append(completion_statement(channels.xapi, event_id, data, title))


def new_certificate_code() -> str:
    """128 random bits in base32 (A-Z, 2-7; 26 characters): not guessable, not enumerable.

    People read it off a printed certificate and type it, so the alphabet has one case and no
    look-alike digits; and it never starts with a character a spreadsheet takes for a formula,
    so the CSV export carries it exactly as the feed does."""
    return base64.b32encode(secrets.token_bytes(16)).decode().rstrip("=")
