"""Storing the statements the LMS writes in cmi5, in the caller's transaction, in order."""

from __future__ import annotations

from typing import Any

from lms.kit.uow import UnitOfWork
from lms.records.domain.statements import prepare
from lms.records.service import writing
from lms.records.service.context import Context

LMS = "lms:cmi5"


def authority(home_page: str) -> dict[str, Any]:
    return {"objectType": "Agent", "name": "LMS cmi5", "account": {"homePage": home_page, "name": LMS}}


def write_statements(uow: UnitOfWork, ctx: Context, written: list[dict[str, Any]]) -> None:
    """Store `written` in this transaction; they take their feed positions in this order."""
    if written:
        writer = authority(ctx.home_page)
        writing.write(uow, [prepare(s, writer, "1.0.0") for s in written], {})
