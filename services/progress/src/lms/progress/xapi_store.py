"""xAPI statements kept for `GET /xapi/statements`, written with the facts they describe."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy.orm import Session

from lms.kit.db import insert_ignore
from lms.progress.db import xapi_statements
from lms.progress.domain import xapi


@cache
def _identity() -> tuple[str, str]:
    """(actor key, home page): `LMS_XAPI_ACTOR_KEY` keys the pseudonyms; keep it secret and stable."""
    key = os.environ.get("LMS_XAPI_ACTOR_KEY") or os.environ.get("LMS_JWT_SECRET") or "lms-dev-xapi"
    return key, os.environ.get("LMS_XAPI_HOMEPAGE", "https://lms.example")


def _store(db: Session, statement: dict[str, Any]) -> None:
    insert_ignore(
        db, xapi_statements, [{"id": statement["id"], "statement": statement, "stored_at": datetime.now(UTC)}]
    )


def record_completion(db: Session, event_id: str, data: dict[str, Any], course_title: str) -> None:
    key, home = _identity()
    _store(
        db,
        xapi.statement(
            event_id=event_id,
            verb="completed",
            learner=xapi.actor(data["learner_id"], key, home),
            activity_id=f"{home}/courses/{data['course_id']}",
            activity_name=course_title,
            activity_type="http://adlnet.gov/expapi/activities/course",
            timestamp=data["completed_at"],
            score=data.get("score"),
            success=True,
            extensions={
                f"{home}/xapi/course-version": data["course_version"],
                f"{home}/xapi/certificate": data["certificate_code"],
            },
        ),
    )


def attempt_statement(event_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """The xAPI row for a graded quiz attempt (`passed` or `failed`)."""
    key, home = _identity()
    verb = "passed" if data["passed"] else "failed"
    statement = xapi.statement(
        event_id=event_id,
        verb=verb,
        learner=xapi.actor(data["learner_id"], key, home),
        activity_id=f"{home}/assessments/{data['assessment_id']}",
        activity_name=f"assessment {data['assessment_id']} v{data['assessment_version']}",
        activity_type="http://adlnet.gov/expapi/activities/assessment",
        timestamp=data["submitted_at"],
        score=data["percent"],
        success=data["passed"],
        extensions={f"{home}/xapi/attempt": data["attempt_id"]},
    )
    return {"id": statement["id"], "statement": statement, "stored_at": datetime.now(UTC)}
