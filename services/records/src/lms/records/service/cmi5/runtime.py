"""What an AU does during its session: statements under cmi5's rules, documents of its learner.

Statements are checked one by one against the session as it stands (lms.records.domain.cmi5.rules)
under the registration's lock, stored all or none, and then applied: initialized, terminated
(the token stops working), completed and passed (the AU's progress in the registration), and
whatever that satisfies (lms.records.service.cmi5.registrations), in the same transaction. A
statement id sent again with the same statement is accepted without being applied twice.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from lms.kit.auth import Principal
from lms.kit.uow import UnitOfWork
from lms.records.db import cmi5_sessions, statements
from lms.records.domain import documents as kinds
from lms.records.domain import signatures
from lms.records.domain.cmi5 import documents, rules
from lms.records.domain.cmi5 import launch as plan
from lms.records.domain.cmi5.course import au_activity_id
from lms.records.domain.cmi5.statements import About
from lms.records.domain.errors import Unauthorised
from lms.records.domain.statements import equivalent, prepare
from lms.records.domain.versions import statement_version
from lms.records.service import sequencing, writing
from lms.records.service.cmi5 import catalog, registrations, sessions
from lms.records.service.context import Context

T = cmi5_sessions.c
AU_AUTHORITY = "lms:cmi5:au"


def principal_of(row: Any) -> Principal:
    """The session as a caller of the record store (it reads and writes, within cmi5's rules)."""
    return Principal(sub=f"cmi5-session:{row.id}", roles=frozenset(), claims={"scope": "xapi"})


def store(ctx: Context, row: Any, submission: writing.Submission) -> list[str]:
    """Store statements an AU sends in session `row`, or refuse them all (403, 409)."""
    for statement in submission.statements:
        signatures.check(statement, submission.attachments)
    with ctx.uow() as uow:
        session = uow.session
        enrolled = registrations.Enrolled(row.enrolment_id, row.learner_id, row.course_id, row.course_version)
        course, au = catalog.au_of(session, row.course_id, row.course_version, row.lesson_id)
        now = ctx.clock()
        who = plan.actor(ctx.home_page, row.learner_id)
        registrations.lock(uow, course, enrolled, About(who, row.registration, row.id, now), ctx)
        current = sessions.locked(session, row.id)
        if not sessions.is_open(current, now):
            raise Unauthorised("The session of this token has ended (terminated, abandoned or expired).")
        state = _state(session, ctx, current, au)
        fresh = _new_statements(session, submission.statements)
        verbs = []
        for statement in fresh:
            verb = rules.check(statement, state)
            state = state.after(verb)
            verbs.append(verb)
        version = statement_version(submission.version)
        authority = {"objectType": "Agent", "account": {"homePage": ctx.home_page, "name": AU_AUTHORITY}}
        writing.write(
            uow,
            [prepare(s, authority, version) for s in submission.statements],
            submission.attachments,
        )
        _apply(uow, ctx, current, course, au, enrolled, state, [v for v in verbs if v], now)
        uow.commit()
    sequencing.assign(ctx)
    return [s["id"] for s in submission.statements]


def _new_statements(session: Session, sent: Any) -> list[dict[str, Any]]:
    """The statements not stored before (one sent again unchanged is not checked or applied again)."""
    ids = [s["id"] for s in sent if "id" in s]
    found = dict(
        session.execute(select(statements.c.id, statements.c.payload).where(statements.c.id.in_(ids))).all()
    )
    return [
        s
        for s in sent
        if "id" not in s or s["id"] not in found or not equivalent(json.loads(found[s["id"]]), s)
    ]


def _state(session: Session, ctx: Context, row: Any, au: Any) -> rules.SessionState:
    progress = registrations.progress_of(session, row.registration, row.lesson_id)
    return rules.SessionState(
        session_id=row.id,
        registration=row.registration,
        activity_id=au_activity_id(ctx.home_page, row.lesson_id),
        publisher_id=au.id,
        actor=plan.actor(ctx.home_page, row.learner_id),
        launch_mode=row.launch_mode,
        mastery_score=au.mastery_score,
        initialized=row.initialized,
        prefs_read=row.prefs_read,
        verbs=frozenset(row.verbs.split()),
        completed=progress.completed,
        passed=progress.passed,
    )


def _apply(
    uow: UnitOfWork,
    ctx: Context,
    row: Any,
    course: Any,
    au: Any,
    enrolled: registrations.Enrolled,
    state: rules.SessionState,
    verbs: list[str],
    now: Any,
) -> None:
    session = uow.session
    values: dict[str, Any] = {
        "last_statement": now,
        "initialized": state.initialized,
        "verbs": " ".join(sorted(state.verbs)),
    }
    if state.terminated:
        values["state"] = "terminated"
    session.execute(update(cmi5_sessions).where(T.id == row.id).values(**values))
    if not {"completed", "passed"} & set(verbs):
        return
    registrations.record_progress(
        session, row.registration, row.lesson_id, completed=state.completed, passed=state.passed
    )
    progress = registrations.progress_of(session, row.registration, row.lesson_id)
    about = About(state.actor, row.registration, row.id, now)
    registrations.settle(
        uow, ctx, course, enrolled, about, registrations.satisfied_by(au, progress, "move_on")
    )


def preferences_read(ctx: Context, row: Any) -> None:
    """The AU read cmi5LearnerPreferences in this session (cmi5 11: before it is initialized)."""
    with ctx.uow() as uow:
        session = uow.session
        session.execute(update(cmi5_sessions).where(T.id == row.id).values(prefs_read=True))
        uow.commit()


def check_read(ctx: Context, row: Any, params: dict[str, list[str]]) -> None:
    """A session reads statements about its own learner only (the `agent` filter is required)."""
    agent = params.get("agent", [None])[0]
    documents.check_agent(
        _agent(agent) if agent else {"account": None}, plan.actor(ctx.home_page, row.learner_id)
    )


def check_document(
    ctx: Context, row: Any, kind: str, request: Any, given: dict[str, str], document_id: str | None
) -> None:
    """What a session may do with a document (lms.records.domain.cmi5.documents); notes that the AU
    read its learner preferences."""
    actor = plan.actor(ctx.home_page, row.learner_id)
    if "agent" in given:
        documents.check_agent(_agent(given["agent"]), actor)
    writes = request.method in ("PUT", "POST", "DELETE")
    if kind == kinds.STATE and writes:
        documents.check_state_write(document_id)
    if kind == kinds.AGENT_PROFILE and document_id == documents.PREFERENCES:
        if request.method in ("PUT", "POST"):
            documents.check_preferences(request.body, request.header("Content-Type") or "")
        elif request.method == "GET":
            preferences_read(ctx, row)


def _agent(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
