"""The statements progress derives from completions and graded attempts, kept in the LRS.

Progress announces each one (`lms.progress.statement.recorded.v1`); the consumer stores it in
the event's transaction, with the LMS itself as authority. The inbox applies an event once,
and the statement's id derives from the fact behind it, so a fact is one statement however
often it is announced; readers then find progress's statements beside everyone else's.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from lms.kit.cloudevents import CloudEvent
from lms.kit.outbox import Outbox
from lms.kit.uow import UnitOfWork
from lms.records.domain.statements import prepare
from lms.records.domain.validation.statements import statement as valid_statement
from lms.records.service import writing

AUTHORITY = "lms:progress"


def authority(home_page: str) -> dict[str, Any]:
    return {
        "objectType": "Agent",
        "name": "LMS progress",
        "account": {"homePage": home_page, "name": AUTHORITY},
    }


def record(outbox: Outbox, home_page: str, session: Session, event: CloudEvent) -> None:
    """Store the statement an event of progress carries (a statement stored before is left alone)."""
    statement = event.data["statement"]
    valid_statement(statement)
    unit = UnitOfWork.joining(session, outbox)
    writing.write(unit, [prepare(statement, authority(home_page), "1.0.0")], {})
