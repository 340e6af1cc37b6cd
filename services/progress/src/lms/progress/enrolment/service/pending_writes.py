"""Rows a run of completions writes, kept until `flush`: one statement per table, not per row.

The completion rule reads everything it needs before it writes, so a batch of graded attempts
can evaluate each enrolment in order, collect what it newly completes here, and write it all
at the end of the run (still in the consumer's transaction, before anything else reads it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from lms.kit.db import insert_rows
from lms.kit.uow import UnitOfWork
from lms.progress.announcing import Channels
from lms.progress.db import completions, enrolments, module_completions, people
from lms.progress.enrolment.service.statements import keep_statements


@dataclass
class Writes:
    """Module completions, completions, xAPI statements, enrolment changes and cycle
    completions of one run, written by `flush` in that order."""

    modules: list[dict[str, Any]] = field(default_factory=list)
    completions: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    enrolments: dict[str, dict[str, Any]] = field(default_factory=dict)
    completed: list[tuple[dict[str, Any], datetime]] = field(default_factory=list)
    hr: dict[str, dict[str, str]] = field(default_factory=dict)

    def change_enrolment(self, enrolment_id: str, values: dict[str, Any]) -> None:
        """The enrolment's new values (later changes in the run win, as they would row by row)."""
        self.enrolments.setdefault(enrolment_id, {}).update(values)

    def know_people(self, session: Session, learner_ids: Iterable[str]) -> None:
        """Read the HR ids of the learners the run may complete and has not read yet, at once."""
        wanted = [learner for learner in dict.fromkeys(learner_ids) if learner not in self.hr]
        if not wanted:
            return
        self.hr.update({learner: {} for learner in wanted})
        columns = (people.c.learner_id, people.c.external_id, people.c.employee_number)
        for row in session.execute(select(*columns).where(people.c.learner_id.in_(wanted))):
            ids = {"external_id": row.external_id, "employee_number": row.employee_number}
            self.hr[row.learner_id] = {k: v for k, v in ids.items() if v is not None}

    def hr_ids(self, session: Session, learner_id: str) -> dict[str, str]:
        """The learner's HR ids, when the directory knows them."""
        self.know_people(session, [learner_id])
        return self.hr[learner_id]

    def flush(self, uow: UnitOfWork, channels: Channels) -> None:
        """Write the run's rows in `uow`; its new xAPI statements are announced by the unit, and
        its course completions told to the channels' completion hooks (compliance's cycles)."""
        session = uow.session
        insert_rows(session, module_completions, self.modules)
        insert_rows(session, completions, self.completions)
        keep_statements(uow, self.statements)
        _update_enrolments(session, self.enrolments)
        channels.completed(uow, self.completed)
        self.modules, self.completions, self.statements = [], [], []
        self.enrolments, self.completed = {}, []


def _update_enrolments(session: Session, changes: dict[str, dict[str, Any]]) -> None:
    """One executemany per shape of change (percent only, or percent and completion)."""
    shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for enrolment_id, values in changes.items():
        shape = tuple(sorted(values))
        row = {"b_id": enrolment_id, **{f"b_{key}": value for key, value in values.items()}}
        shapes.setdefault(shape, []).append(row)
    for shape, rows in shapes.items():
        statement = (
            update(enrolments)
            .where(enrolments.c.id == bindparam("b_id"))
            .values({column: bindparam(f"b_{column}") for column in shape})
        )
        session.execute(statement, rows)
