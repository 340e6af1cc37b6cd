"""Assignments: a course given to a team or to named learners, one row per assigned learner.

A team's assignment follows the team: joiners are assigned when the directory says they
joined; leavers and deactivated people have their open rows closed (completions stay).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from lms.kit.access import Access, Team
from lms.kit.auth import Principal
from lms.kit.uow import UnitOfWork
from lms.progress.catalog.service import course_copies
from lms.progress.compliance.domain.cycles import Policy, policy_problems
from lms.progress.compliance.service.cycles import open_cycle
from lms.progress.context import Context
from lms.progress.db import assigned_learners, assignments, enrolments, people
from lms.progress.directory.service.access import access_for, team_of
from lms.progress.enrolment.service.enrolling import Enrolment, enrol_assigned, ensure_known
from lms.progress.errors import Forbidden, Invalid, NotFound
from lms.progress.teams.domain.due_dates import due_date

# (the caller's unit, request) -> the learner's enrolment id (an existing one is reused), or None
# when the course takes no new enrolments.
Enrol = Callable[[UnitOfWork, Enrolment], str | None]


@dataclass(frozen=True)
class AssignmentRequest:
    course_id: str
    team_id: str | None
    learner_ids: tuple[str, ...]
    due_at: datetime | None
    due_in_days: int | None
    policy: Policy = field(default_factory=Policy)


def assign_course(
    ctx: Context, principal: Principal, request: AssignmentRequest, authorization: str | None = None
) -> dict[str, Any]:
    """HR, or a manager for their own team or reports: assign a course (refused before any write)."""
    problems = policy_problems(request.policy)
    if problems:
        raise Invalid("The assignment's policy cannot run.", problems)
    ensure_known(ctx, request.course_id, authorization)
    enrol = partial(enrol_assigned, ctx.channels)
    with ctx.uow() as uow:
        course = course_copies.course(uow.session, request.course_id)
        if course is None or course.retired_at is not None:
            raise Invalid(f"Course {request.course_id} is unknown, unpublished or retired.")
        access = access_for(uow.session, principal, ctx.manager_depth)
        created = create(uow, access, request, ctx.clock(), enrol)
        uow.commit()
    return created


def create(
    uow: UnitOfWork, access: Access, request: AssignmentRequest, now: datetime, enrol: Enrol
) -> dict[str, Any]:
    """Record the assignment and assign each (active) learner; refused before anything is written."""
    session = uow.session
    team = _team(session, request.team_id) if request.team_id else None
    learners = sorted(team.members) if team else list(dict.fromkeys(request.learner_ids))
    if not may_assign(access, team, learners):
        raise Forbidden("You may assign only your own team or the people who report to you.")
    assignment = {
        "id": str(uuid.uuid4()),
        "course_id": request.course_id,
        "team_id": request.team_id,
        "due_at": request.due_at,
        "due_in_days": request.due_in_days,
        "created_by": access.viewer,
        "created_at": now,
        "status": "active",
        **asdict(request.policy),
        "remind_before_days": sorted(request.policy.remind_before_days, reverse=True),
    }
    session.execute(insert(assignments).values(**assignment))
    assigned = sum(_assign(uow, assignment, learner, now, enrol) for learner in active(session, learners))
    return {**assignment, "learner_ids": None if team else learners, "assigned": assigned}


def may_assign(access: Access, team: Team | None, learners: list[str]) -> bool:
    """A team: whoever sees it whole (HR, admins, its manager); named learners: whoever oversees
    every one of them."""
    if team is not None:
        return access.team(team).whole
    return bool(learners) and access.oversees(learners) == set(learners)


def assign_joiners(uow: UnitOfWork, team_id: str, joined: list[str], now: datetime, enrol: Enrol) -> None:
    session = uow.session
    rows = session.execute(
        select(assignments).where(assignments.c.team_id == team_id, assignments.c.status == "active")
    ).mappings()
    for assignment in list(rows):
        for learner in active(session, joined):
            _assign(uow, assignment, learner, now, enrol)


def close_for(
    session: Session, learner_id: str, *, reason: str, now: datetime, team_id: str | None = None
) -> None:
    """Close a learner's open assignment rows (of one team, or all), unless already completed."""
    completed = select(enrolments.c.id).where(enrolments.c.status == "completed")
    query = update(assigned_learners).where(
        assigned_learners.c.learner_id == learner_id,
        assigned_learners.c.status == "open",
        assigned_learners.c.enrolment_id.is_(None) | assigned_learners.c.enrolment_id.not_in(completed),
    )
    if team_id is not None:
        query = query.where(
            assigned_learners.c.assignment_id.in_(
                select(assignments.c.id).where(assignments.c.team_id == team_id)
            )
        )
    session.execute(query.values(status="closed", closed_at=now, closed_reason=reason))


def active(session: Session, learner_ids: list[str]) -> list[str]:
    """Those of `learner_ids` the directory does not know as inactive."""
    if not learner_ids:
        return []
    inactive = set(
        session.scalars(
            select(people.c.learner_id).where(
                people.c.learner_id.in_(learner_ids), people.c.active.is_(False)
            )
        )
    )
    return [learner for learner in learner_ids if learner not in inactive]


def _assign(
    uow: UnitOfWork, assignment: Mapping[str, Any], learner_id: str, now: datetime, enrol: Enrol
) -> int:
    session = uow.session
    key = (
        assigned_learners.c.assignment_id == assignment["id"],
        assigned_learners.c.learner_id == learner_id,
    )
    row = session.execute(select(assigned_learners.c.status).where(*key)).first()
    if row is not None:  # a returning member: their row opens again
        session.execute(
            update(assigned_learners).where(*key).values(status="open", closed_at=None, closed_reason=None)
        )
        return 0
    due = due_date(now, assignment["due_at"], assignment["due_in_days"])
    name = (
        session.scalar(select(people.c.display_name).where(people.c.learner_id == learner_id)) or learner_id
    )
    request = Enrolment(learner_id, name, assignment["course_id"], due, assigned_by=assignment["created_by"])
    enrolment_id = enrol(uow, request)
    session.execute(
        insert(assigned_learners).values(
            assignment_id=assignment["id"],
            learner_id=learner_id,
            enrolment_id=enrolment_id,
            due_at=due,
            assigned_at=now,
            status="open" if enrolment_id else "closed",
            closed_at=None if enrolment_id else now,
            closed_reason=None if enrolment_id else "the course takes no new enrolments",
        )
    )
    if enrolment_id:
        open_cycle(session, assignment, learner_id, 1, enrolment_id, due, now)
    return 1 if enrolment_id else 0


def _team(session: Session, team_id: str) -> Team:
    team = team_of(session, team_id)
    if team is None:
        raise NotFound(f"No team {team_id}.")
    return team
