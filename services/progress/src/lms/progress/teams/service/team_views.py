"""What managers and HR read about teams: the teams they may see, and where each person stands.

Who sees what is the suite's one access rule (`lms.kit.access`, decision 0060): per-person rows
show the members the caller oversees, or the whole team for HR, admins and its manager.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lms.kit.access import Access
from lms.kit.auth import Principal
from lms.progress.compliance.service.cycles import current_cycle
from lms.progress.context import Context
from lms.progress.db import (
    assigned_learners,
    assignments,
    completions,
    enrolments,
    people,
    team_members,
    teams,
)
from lms.progress.directory.service.access import access_for, team_of
from lms.progress.errors import Forbidden, NotFound
from lms.progress.teams.domain.due_dates import is_overdue


def teams_of(ctx: Context, principal: Principal) -> dict[str, Any]:
    """HR and admins: every team; a manager: the teams with their people (or that they manage)."""
    with ctx.sessions() as session:
        return {"items": list_teams(session, access_for(session, principal, ctx.manager_depth))}


def progress_of_team(ctx: Context, principal: Principal, team_id: str) -> dict[str, Any]:
    """Each visible member x each course the team was assigned: where they stand."""
    with ctx.sessions() as session:
        access = access_for(session, principal, ctx.manager_depth)
        return team_progress(session, access, team_id, ctx.clock())


def progress_of_reports(ctx: Context, principal: Principal) -> dict[str, Any]:
    """A manager's direct and indirect reports x every course assigned to them."""
    with ctx.sessions() as session:
        return my_team(session, access_for(session, principal, ctx.manager_depth), ctx.clock())


def assignments_for(
    ctx: Context, principal: Principal, team_id: str | None, learner_id: str | None
) -> dict[str, Any]:
    """Assignments the caller may see, filtered by team and learner."""
    with ctx.sessions() as session:
        access = access_for(session, principal, ctx.manager_depth)
        return {"items": list_assignments(session, access, team_id, learner_id, ctx.clock())}


def list_teams(session: Session, access: Access) -> list[dict[str, Any]]:
    query = select(teams).where(teams.c.deleted.is_(False)).order_by(teams.c.display_name, teams.c.team_id)
    overseen = frozenset() if access.overseer else access.overseen()
    if not access.overseer:
        named = select(teams.c.team_id).where(teams.c.manager_learner_id == access.viewer)
        with_people = select(team_members.c.team_id).where(team_members.c.learner_id.in_(overseen))
        query = query.where(teams.c.team_id.in_(named) | teams.c.team_id.in_(with_people))
    rows = session.execute(query).all()
    if not rows and not access.overseer and not overseen:
        raise Forbidden("Only HR and managers see teams.")
    return [_team_summary(session, row) for row in rows]


def team_progress(session: Session, access: Access, team_id: str, now: datetime) -> dict[str, Any]:
    view = access.team(team_of(session, team_id))
    if not view.visible:
        raise NotFound(f"No team {team_id}.")
    name = session.scalar(select(teams.c.display_name).where(teams.c.team_id == team_id))
    scope = select(assignments.c.id).where(assignments.c.team_id == team_id)
    items = _rows(session, sorted(view.members), scope, now)
    return {"team_id": team_id, "display_name": name, "items": items}


def my_team(session: Session, access: Access, now: datetime) -> dict[str, Any]:
    reports = access.reports()
    if not reports:
        raise Forbidden("Nobody reports to you in the directory.")
    return {"items": _rows(session, sorted(reports), select(assignments.c.id), now)}


def list_assignments(
    session: Session, access: Access, team_id: str | None, learner_id: str | None, now: datetime
) -> list[dict[str, Any]]:
    """HR: any; a manager: their teams' and their people's; a learner: their own. Filtering by a
    learner the caller may not see finds nothing (their cycle is theirs and their managers')."""
    if learner_id and not access.sees(learner_id):
        return []
    query = select(assignments).order_by(assignments.c.created_at, assignments.c.id)
    if team_id:
        query = query.where(assignments.c.team_id == team_id)
    if learner_id:
        mine = select(assigned_learners.c.assignment_id).where(assigned_learners.c.learner_id == learner_id)
        query = query.where(assignments.c.id.in_(mine))
    if not access.overseer:
        allowed = {access.viewer, *access.overseen()}
        theirs = select(assigned_learners.c.assignment_id).where(assigned_learners.c.learner_id.in_(allowed))
        named = select(teams.c.team_id).where(teams.c.manager_learner_id == access.viewer)
        query = query.where(assignments.c.id.in_(theirs) | assignments.c.team_id.in_(named))
    rows = session.execute(query).mappings()
    return [_assignment(session, row, learner_id, now) for row in rows]


def _assignment(session: Session, row: Any, learner_id: str | None, now: datetime) -> dict[str, Any]:
    count = select(func.count()).where(
        assigned_learners.c.assignment_id == row["id"], assigned_learners.c.status == "open"
    )
    current = current_cycle(session, row, learner_id, now) if learner_id else None
    return {**row, "assigned": session.scalar(count), "current_cycle": current}


def _rows(session: Session, learners: list[str], scope: Any, now: datetime) -> list[dict[str, Any]]:
    query = (
        select(
            assigned_learners,
            assignments.c.course_id,
            enrolments.c.status.label("enrolment_status"),
            enrolments.c.percent,
            enrolments.c.completed_at,
            enrolments.c.learner_name,
            completions.c.score,
            people.c.display_name,
        )
        .join(assignments, assignments.c.id == assigned_learners.c.assignment_id)
        .outerjoin(enrolments, enrolments.c.id == assigned_learners.c.enrolment_id)
        .outerjoin(completions, completions.c.enrolment_id == enrolments.c.id)
        .outerjoin(people, people.c.learner_id == assigned_learners.c.learner_id)
        .where(assigned_learners.c.learner_id.in_(learners), assigned_learners.c.assignment_id.in_(scope))
        .order_by(assigned_learners.c.learner_id, assignments.c.course_id, assignments.c.created_at)
    )
    return [_row(r, now) for r in session.execute(query)]


def _row(r: Any, now: datetime) -> dict[str, Any]:
    status = _status(r)
    return {
        "learner_id": r.learner_id,
        "name": r.display_name or r.learner_name or r.learner_id,
        "assignment_id": r.assignment_id,
        "course_id": r.course_id,
        "enrolment_id": r.enrolment_id,
        "status": status,
        "due_at": r.due_at,
        "overdue": status != "closed" and is_overdue(status, r.due_at, now),
        "completed_at": r.completed_at if status == "completed" else None,
        "score": r.score if status == "completed" else None,
    }


def _status(r: Any) -> str:
    if r.enrolment_status == "completed":
        return "completed"
    if r.status == "closed":
        return "closed"
    return "in_progress" if (r.percent or 0) > 0 else "not_started"


def _team_summary(session: Session, team: Any) -> dict[str, Any]:
    members = _members(session, team.team_id)
    line_managers = session.scalars(
        select(people.c.manager_learner_id).where(people.c.learner_id.in_(members)).distinct()
    )
    managers = {m for m in line_managers if m} | (
        {team.manager_learner_id} if team.manager_learner_id else set()
    )
    return {
        "id": team.team_id,
        "display_name": team.display_name,
        "member_count": len(members),
        "manager_ids": sorted(managers),
    }


def _members(session: Session, team_id: str) -> list[str]:
    return list(session.scalars(select(team_members.c.learner_id).where(team_members.c.team_id == team_id)))
