"""xAPI statements kept for `GET /xapi/statements`, written with the facts they describe."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from lms.contracts import events
from lms.kit.db import insert_ignore
from lms.kit.uow import UnitOfWork
from lms.progress.db import xapi_statements
from lms.progress.enrolment.domain import statements as xapi

ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment"
COURSE = "http://adlnet.gov/expapi/activities/course"
DEV_PSEUDONYM_KEY = "lms-dev-only-xapi-pseudonym-key"


@dataclass(frozen=True)
class XapiIdentity:
    """How statements name things: the LMS home page, and the pseudonym key when opted in."""

    home_page: str = "https://lms.example"
    pseudonym_key: str | None = None

    @classmethod
    def from_env(cls, env: str, values: Mapping[str, str]) -> XapiIdentity:
        """`LMS_XAPI_PSEUDONYMS=1` keys actors with `LMS_XAPI_PSEUDONYM_KEY` (its own secret outside dev)."""
        home = values.get("LMS_XAPI_HOMEPAGE", "https://lms.example")
        if values.get("LMS_XAPI_PSEUDONYMS", "0").lower() not in ("1", "true", "yes"):
            return cls(home)
        key = values.get("LMS_XAPI_PSEUDONYM_KEY", "")
        if len(key.encode()) < 32 and env != "dev":
            raise SystemExit("LMS_XAPI_PSEUDONYMS=1 needs its own LMS_XAPI_PSEUDONYM_KEY (32 bytes or more)")
        return cls(home, key or DEV_PSEUDONYM_KEY)

    def actor(self, learner_id: str) -> dict[str, Any]:
        if self.pseudonym_key:
            return xapi.pseudonym_actor(learner_id, self.pseudonym_key, self.home_page)
        return xapi.account_actor(learner_id, self.home_page)


def keep_statements(uow: UnitOfWork, rows: list[dict[str, Any]]) -> None:
    """Insert statement rows (idempotent by id) and announce each new one to the record store
    (a replay's unit announces nothing)."""
    new = set(insert_ignore(uow.session, xapi_statements, rows, returning="id"))
    for row in rows if uow.announcing else []:
        if row["id"] in new:
            data = {"statement_id": row["id"], "actor_name": row["actor_name"], "statement": row["statement"]}
            uow.announce(events.STATEMENT_RECORDED, data)


def completion_statement(
    identity: XapiIdentity, event_id: str, data: dict[str, Any], course_title: str
) -> dict[str, Any]:
    """The xAPI row for a completed course."""
    home = identity.home_page
    statement = xapi.statement(
        event_id=event_id,
        verb="completed",
        learner=identity.actor(data["learner_id"]),
        activity_id=f"{home}/courses/{data['course_id']}",
        activity_name=course_title,
        activity_type=COURSE,
        timestamp=data["completed_at"],
        score=data.get("score"),
        success=True,
        extensions={
            f"{home}/xapi/course-version": data["course_version"],
            f"{home}/xapi/certificate": data["certificate_code"],
            f"{home}/xapi/cycle": data.get("cycle", 1),
        },
        registration=data["enrolment_id"],
    )
    return _row(statement)


def attempt_row(identity: XapiIdentity, event_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """The xAPI row for a graded quiz attempt (`passed` or `failed`)."""
    home = identity.home_page
    statement = xapi.statement(
        event_id=event_id,
        verb="passed" if data["passed"] else "failed",
        learner=identity.actor(data["learner_id"]),
        activity_id=f"{home}/assessments/{data['assessment_id']}",
        activity_name=f"assessment {data['assessment_id']} v{data['assessment_version']}",
        activity_type=ASSESSMENT,
        timestamp=data["submitted_at"],
        score=data["percent"],
        success=data["passed"],
        extensions={f"{home}/xapi/attempt": data["attempt_id"]},
    )
    return _row(statement)


def _row(statement: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": statement["id"],
        "statement": statement,
        "stored_at": datetime.now(UTC),
        "actor_name": statement["actor"]["account"]["name"],
        "verb": statement["verb"]["id"],
        "activity_id": statement["object"]["id"],
        "registration": statement["context"].get("registration"),
    }
