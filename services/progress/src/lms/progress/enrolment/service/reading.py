"""Presenters and reads of enrolments: where one stands, and who may see it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from lms.kit.auth import Principal
from lms.progress.context import Context
from lms.progress.db import completions, enrolments
from lms.progress.enrolment.domain.completion import Evaluation, ModuleState
from lms.progress.enrolment.service.completion import evaluation_of
from lms.progress.errors import Forbidden, NotFound

HR = ("hr",)


def enrolment(session: Session, enrolment_id: str) -> Row[Any]:
    row = session.execute(select(enrolments).where(enrolments.c.id == enrolment_id)).first()
    if row is None:
        raise NotFound(f"No enrolment {enrolment_id}.")
    return row


def check_visible(
    session: Session, principal: Principal, enrolment_id: str, *, hr_allowed: bool = True
) -> None:
    """NotFound unless the caller owns the enrolment (or is HR/admin where allowed): no existence leak."""
    if hr_allowed and principal.has_any(*HR):
        return
    if enrolment(session, enrolment_id).learner_id != principal.sub:
        raise NotFound(f"No enrolment {enrolment_id}.")


def show(ctx: Context, principal: Principal, enrolment_id: str) -> dict[str, Any]:
    """An enrolment the caller may see, with per-module status and what is missing."""
    with ctx.sessions() as session:
        check_visible(session, principal, enrolment_id)
        return view(session, enrolment_id)


def view(session: Session, enrolment_id: str) -> dict[str, Any]:
    """The enrolment with per-module status and an explanation of what is missing."""
    row = enrolment(session, enrolment_id)
    evaluation = evaluation_of(session, row)
    completion = session.execute(
        select(completions).where(completions.c.enrolment_id == enrolment_id)
    ).first()
    return {**_summary(row), **_completion(completion, evaluation), "modules": _modules(evaluation)}


def _summary(row: Row[Any]) -> dict[str, Any]:
    keys = (
        "id",
        "learner_id",
        "course_id",
        "course_version",
        "status",
        "enrolled_at",
        "due_at",
        "completed_at",
    )
    return {key: getattr(row, key) for key in keys}


def _completion(completion: Row[Any] | None, evaluation: Evaluation) -> dict[str, Any]:
    return {
        "percent": evaluation.percent,
        "score": completion.score if completion else None,
        "certificate_code": completion.certificate_code if completion else None,
        "completion_id": completion.id if completion else None,
        "evidence": completion.evidence if completion else None,
        "explanation": evaluation.explanation,
    }


def _modules(evaluation: Evaluation) -> list[dict[str, Any]]:
    return [_module(m) for m in evaluation.modules]


def _module(m: ModuleState) -> dict[str, Any]:
    return {
        "module_id": m.module_id,
        "title": m.title,
        "required": m.required,
        "status": m.status,
        "lessons_completed": m.lessons_completed,
        "lessons_total": m.lessons_total,
        "assessment_id": m.assessment_id,
        "assessment_passed": bool(m.passed) if m.assessment_id else None,
        "missing": list(m.missing),
    }


def list_enrolments(
    ctx: Context, principal: Principal, learner_id: str | None, course_id: str | None, page: tuple[int, int]
) -> list[dict[str, Any]]:
    """Your own enrolments, or (HR) anyone's by learner and/or course."""
    if not principal.has_any(*HR):
        if (learner_id or principal.sub) != principal.sub:
            raise Forbidden("Learners see only their own enrolments.")
        learner_id = principal.sub
    limit, offset = page
    query = select(enrolments).order_by(enrolments.c.enrolled_at, enrolments.c.id).limit(limit).offset(offset)
    if learner_id:
        query = query.where(enrolments.c.learner_id == learner_id)
    if course_id:
        query = query.where(enrolments.c.course_id == course_id)
    with ctx.sessions() as session:
        return [row._asdict() for row in session.execute(query)]
